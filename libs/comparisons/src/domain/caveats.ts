import type { Caveat, CaveatCode, PublishedDefinition } from './comparison.types';
import { flagAgainstReference, latestOf, Mode, namesOf, Note, Participant } from './participants';
import { listPeriods } from './wording';

// What weakens or rules out a comparison, and the score that results.

export const COMPARABLE_THRESHOLD = 0.6;

export interface Comparability {
  score: number;
  comparable: boolean;
  caveats: Caveat[];
}

// Penalties in hundredths (exact arithmetic); 'fatal' sets the score to 0. Key order is the order in
// which caveats are listed: what rules a comparison out first, then what weakens it.
const PENALTY: Record<CaveatCode, number | 'fatal'> = {
  DIRECTION_DIFFERS: 'fatal',
  UNIT_INCOMPATIBLE: 'fatal',
  NO_POPULATION: 'fatal',
  DEFINITION_DIFFERS: 45,
  METHODOLOGY_DIFFERS: 30,
  TERMS_DIFFER: 20,
  SERIES_BREAK: 15,
  GRANULARITY_DIFFERS: 15,
  UNIT_CONVERTED: 5,
  PER_CAPITA: 5,
  DISAGGREGATION_DIFFERS: 5,
  ESTIMATED: 10,
  PROVISIONAL: 10,
};
const CAVEAT_ORDER = Object.keys(PENALTY) as CaveatCode[];

export function comparability(caveats: Map<CaveatCode, string>): Comparability {
  let hundredths = 100;
  for (const code of caveats.keys()) {
    const penalty = PENALTY[code];
    hundredths = penalty === 'fatal' ? 0 : Math.max(0, hundredths - penalty);
  }
  const score = hundredths / 100;
  return {
    score,
    comparable: score >= COMPARABLE_THRESHOLD,
    caveats: CAVEAT_ORDER.filter((code) => caveats.has(code)).map((code) => ({
      code,
      message: caveats.get(code)!,
    })),
  };
}

// ---------------------------------------------------------------------------------------------------
// Against the reference definition

const DIRECTION_TEXT: Record<PublishedDefinition['direction'], string> = {
  higher_is_better: 'higher is better',
  lower_is_better: 'lower is better',
  neutral: 'neither higher nor lower is better',
};

export function flagDirections(participants: Participant[], reference: Participant, note: Note) {
  flagAgainstReference(
    participants,
    reference,
    (p) => p.def.direction !== reference.def.direction,
    (p, others) =>
      note(
        p,
        'DIRECTION_DIFFERS',
        others.length === 1
          ? `Direction differs from ${namesOf(others)}: here ${DIRECTION_TEXT[p.def.direction]}, there ${
              DIRECTION_TEXT[others[0].def.direction]
            }.`
          : `Direction differs from ${namesOf(others)}: here ${DIRECTION_TEXT[p.def.direction]}.`,
      ),
  );
}

const dimensionSet = (def: PublishedDefinition) =>
  [...new Set(def.dimensions.map((d) => d.trim().toLowerCase()).filter((d) => d !== ''))].sort();
const dimensionsText = (dims: string[]) => (dims.length === 0 ? 'none' : dims.join(', '));

export function flagBreakdowns(participants: Participant[], reference: Participant, note: Note) {
  const refDimensions = dimensionSet(reference.def).join('\u0000');
  flagAgainstReference(
    participants,
    reference,
    (p) => dimensionSet(p.def).join('\u0000') !== refDimensions,
    (p, others) =>
      note(
        p,
        'DISAGGREGATION_DIFFERS',
        others.length === 1
          ? `Breakdowns differ from ${namesOf(others)}: ${dimensionsText(dimensionSet(p.def))} here, ${dimensionsText(
              dimensionSet(others[0].def),
            )} there.`
          : `Breakdowns differ from ${namesOf(others)}.`,
      ),
  );
}

// ---------------------------------------------------------------------------------------------------
// The city's own observations

// One observation: is it of an older series than the city's latest value or current definition?
function flagSeriesBreakOfPeriod(p: Participant, note: Note) {
  const latest = latestOf(p.all);
  const value = p.observations[0];
  if (value.series !== latest.series) {
    note(
      p,
      'SERIES_BREAK',
      `The ${value.period} value belongs to series ${value.series}; the city's latest value (${latest.period}) belongs to series ${latest.series}, after a change of unit or methodology.`,
    );
  } else if (value.series !== p.def.series) {
    note(
      p,
      'SERIES_BREAK',
      `The ${value.period} value belongs to series ${value.series}; the city's definition has since changed (series ${p.def.series}).`,
    );
  }
}

// Many observations: do they span a change of series, or all predate the current one?
function flagSeriesBreakOfSeries(p: Participant, note: Note) {
  const seriesSeen = [...new Set(p.observations.map((o) => o.series))];
  if (seriesSeen.length > 1) {
    const runs: string[] = [];
    let start = 0;
    p.observations.forEach((o, i) => {
      const next = p.observations[i + 1];
      if (next === undefined || next.series !== o.series) {
        const from = p.observations[start].period;
        runs.push(`series ${o.series} for ${from === o.period ? from : `${from}–${o.period}`}`);
        start = i + 1;
      }
    });
    note(p, 'SERIES_BREAK', `The values shown span a change of unit or methodology (${runs.join(', ')}).`);
    return;
  }
  const current = Math.max(p.def.series, latestOf(p.all).series);
  if (seriesSeen[0] !== current) {
    note(
      p,
      'SERIES_BREAK',
      `All values shown belong to series ${seriesSeen[0]}; the city's definition has since changed (series ${current}).`,
    );
  }
}

export function flagSeriesBreak(p: Participant, mode: Mode, note: Note) {
  if (mode === 'period') flagSeriesBreakOfPeriod(p, note);
  else flagSeriesBreakOfSeries(p, note);
}

export function flagStatus(p: Participant, note: Note) {
  for (const [status, code] of [
    ['estimated', 'ESTIMATED'],
    ['provisional', 'PROVISIONAL'],
  ] as const) {
    const periods = p.observations.filter((o) => o.status === status).map((o) => o.period);
    if (periods.length === 0) continue;
    note(
      p,
      code,
      periods.length === 1
        ? `The ${periods[0]} value is ${status === 'estimated' ? 'an estimate' : 'provisional'}.`
        : `The values for ${listPeriods(periods)} are ${status === 'estimated' ? 'estimates' : 'provisional'}.`,
    );
  }
}
