import type {
  Caveat,
  CaveatCode,
  ComparisonRow,
  PopulationFigure,
  PublishedDefinition,
  PublishedValue,
} from './comparison.types';

// Pure comparison engine: definitions of one framework code across cities, their validated headline
// values and population figures in; rows, series and CSV out. No clock, no randomness, no I/O.

export const COMPARABLE_THRESHOLD = 0.6;

// Below this Jaccard similarity of token sets, two texts (definition, methodology) differ materially.
const SIMILARITY_THRESHOLD = 0.6;

type Direction = PublishedDefinition['direction'];

export interface CompareCitiesInput {
  definitions: PublishedDefinition[];
  values: PublishedValue[];
  population: PopulationFigure[];
  period: string;
}

export interface CompareSeriesInput {
  definitions: PublishedDefinition[];
  values: PublishedValue[];
  population: PopulationFigure[];
  fromYear?: number;
  toYear?: number;
}

export interface Comparability {
  score: number;
  comparable: boolean;
  caveats: Caveat[];
}

export interface SeriesPoint {
  period: string;
  // As reported, in the city's unit.
  value: number;
  normalisedValue: number | null;
  status: PublishedValue['status'];
}

export interface SeriesCity {
  city: string;
  cityName: string;
  unit: string;
  // The common unit of `normalisedValue` (null when the city's unit cannot be converted to it).
  normalisedUnit: string | null;
  comparability: Comparability;
  points: SeriesPoint[];
}

export interface SeriesComparison {
  periods: string[];
  cities: SeriesCity[];
}

// Penalties in hundredths (exact arithmetic); 'fatal' sets the score to 0. Key order is the order in
// which caveats are listed: what rules a comparison out first, then what weakens it.
const PENALTY: Record<CaveatCode, number | 'fatal'> = {
  DIRECTION_DIFFERS: 'fatal',
  UNIT_INCOMPATIBLE: 'fatal',
  NO_POPULATION: 'fatal',
  DEFINITION_DIFFERS: 45,
  METHODOLOGY_DIFFERS: 30,
  SERIES_BREAK: 15,
  GRANULARITY_DIFFERS: 15,
  UNIT_CONVERTED: 5,
  PER_CAPITA: 5,
  DISAGGREGATION_DIFFERS: 5,
  ESTIMATED: 10,
  PROVISIONAL: 10,
};
const CAVEAT_ORDER = Object.keys(PENALTY) as CaveatCode[];

// ---------------------------------------------------------------------------------------------------
// Numbers

const round6 = (n: number): number => {
  if (!Number.isFinite(n)) return n;
  const rounded = Number(n.toPrecision(6));
  return rounded === 0 ? 0 : rounded; // no -0 in outputs
};

const formatNumber = (n: number): string => {
  const text = String(round6(n));
  return /^-?\d+$/.test(text) ? text.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : text;
};

// ---------------------------------------------------------------------------------------------------
// Units

type ParsedUnit =
  // `base` '' = not stated; every way of saying "population" is folded to 'inhabitants'.
  { family: 'rate'; per: number; base: string } | { family: 'count' } | { family: 'other'; text: string };

type Conversion =
  | { kind: 'same' }
  | { kind: 'scale'; factor: number }
  | { kind: 'perCapita'; per: number }
  | { kind: 'incompatible' };

const POPULATION = 'inhabitants';
const POPULATION_BASES = new Set([
  'inhabitant',
  'population',
  'total population',
  'resident',
  'people',
  'person',
  'capita',
  'citizen',
]);
interface TargetUnit {
  text: string;
  unit: ParsedUnit;
}
// Counts are compared per 100,000 inhabitants.
const PER_CAPITA_TARGET: TargetUnit = {
  text: 'per 100000 inhabitants',
  unit: { family: 'rate', per: 100000, base: POPULATION },
};

const foldSpace = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

const singular = (word: string) =>
  word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;

const canonicalBase = (text: string): string => {
  const words = foldSpace(text)
    .replace(/^of\s+/, '')
    .replace(/[.,;:()]+$/g, '')
    .split(' ')
    .filter((word) => word !== '')
    .map(singular)
    .join(' ');
  return POPULATION_BASES.has(words) ? POPULATION : words;
};

const MULTIPLIER: Record<string, number> = { k: 1_000, thousand: 1_000, million: 1_000_000 };

function parseUnit(unit: string): ParsedUnit {
  const text = foldSpace(unit);
  const percent = /^(?:%|percentage|per cent|percent|pct)(?:\s+(?:of\s+)?(.*))?$/.exec(text);
  if (percent) return { family: 'rate', per: 100, base: canonicalBase(percent[1] ?? '') };
  const mille = /^(?:‰|per mille|per mil)(?:\s+(?:of\s+)?(.*))?$/.exec(text);
  if (mille) return { family: 'rate', per: 1000, base: canonicalBase(mille[1] ?? '') };
  // 'per 1000 …', 'per 1,000 …', 'per 100 000 …', 'per 100k …', 'per thousand …'
  const per = /^per\s+(\d{1,3}(?:[,.' ’]\d{3})+|\d+)?\s*(k|thousand|million)?(?:\s+(.*))?$/.exec(text);
  if (per && (per[1] !== undefined || per[2] !== undefined)) {
    const number = per[1] === undefined ? 1 : Number(per[1].replace(/[^\d]/g, ''));
    const scale = number * (per[2] === undefined ? 1 : MULTIPLIER[per[2]]);
    if (scale > 0) return { family: 'rate', per: scale, base: canonicalBase(per[3] ?? '') };
  }
  if (/^(?:count|number|no\.?|#)(?:\s+of\s+.+)?$/.test(text)) return { family: 'count' };
  return { family: 'other', text: text.replace(/\s+/g, '') };
}

const unitKey = (unit: ParsedUnit): string => {
  switch (unit.family) {
    case 'rate':
      return `rate:${unit.per}:${unit.base}`;
    case 'count':
      return 'count';
    case 'other':
      return `other:${unit.text}`;
  }
};

// An unstated base reads as "of the population" (the spec's 'per 1,000' ↔ percent case).
const basesConvert = (a: string, b: string) =>
  a === b || ((a === '' || a === POPULATION) && (b === '' || b === POPULATION));

function planConversion(from: ParsedUnit, to: ParsedUnit): Conversion {
  if (unitKey(from) === unitKey(to)) return { kind: 'same' };
  if (from.family === 'rate' && to.family === 'rate' && basesConvert(from.base, to.base)) {
    return { kind: 'scale', factor: to.per / from.per };
  }
  // A count becomes a rate only of an explicitly stated population, never of an unstated base.
  if (from.family === 'count' && to.family === 'rate' && to.base === POPULATION) {
    return { kind: 'perCapita', per: to.per };
  }
  return { kind: 'incompatible' };
}

// Converts between units that need nothing but a scale (percent ↔ per N of the same base, equal
// units); null when the units are incompatible or the conversion needs a population figure.
export function convertUnit(value: number, from: string, to: string): number | null {
  const plan = planConversion(parseUnit(from), parseUnit(to));
  switch (plan.kind) {
    case 'same':
      return round6(value);
    case 'scale':
      return round6(value * plan.factor);
    case 'perCapita':
    case 'incompatible':
      return null;
  }
}

// ---------------------------------------------------------------------------------------------------
// Text similarity

const tokens = (text: string): Set<string> => {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    // '1,000' and '100 000' are one number, not two tokens.
    .replace(/(\d)[,.\u00a0\u202f' ](?=\d{3}(?!\d))/g, '$1');
  return new Set(folded.match(/[\p{L}\p{N}]+/gu) ?? []);
};

const jaccard = (a: Set<string>, b: Set<string>): number => {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared += 1;
  return shared / (a.size + b.size - shared);
};

const definitionText = (def: PublishedDefinition) => `${def.name} ${def.description ?? ''}`;
const hasText = (text: string | null): text is string => text !== null && text.trim() !== '';

// ---------------------------------------------------------------------------------------------------
// Small helpers

const bySlug = (a: { citySlug: string }, b: { citySlug: string }) =>
  a.citySlug < b.citySlug ? -1 : a.citySlug > b.citySlug ? 1 : 0;

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// Periods line up by first year, then by label ('2013' before '2013/14', '2019-Q1' before '2019-Q2').
const byPeriod = (a: PublishedValue, b: PublishedValue) => a.year - b.year || compareText(a.period, b.period);

const possessive = (name: string) => (name.endsWith('s') ? `${name}'` : `${name}'s`);

// 'A', 'A and B', 'A, B and C'; long lists end in "and N other cities" (or "and N more" for periods).
const listOf = (items: string[], more: string): string => {
  const shown = items.length > 4 ? [...items.slice(0, 3), `${items.length - 3} ${more}`] : items;
  return shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
};
const listNames = (names: string[]) => listOf(names, 'other cities');
const listPeriods = (periods: string[]) => listOf(periods, 'more');
const possessives = (names: string[]) =>
  names.length > 4 ? `those of ${listNames(names)}` : listNames(names.map(possessive));

const DIRECTION_TEXT: Record<Direction, string> = {
  higher_is_better: 'higher is better',
  lower_is_better: 'lower is better',
  neutral: 'neither higher nor lower is better',
};

const isUsable = (value: PublishedValue) => value.status !== 'missing' && Number.isFinite(value.value);

const ownKey = (cityId: string, indicatorId: string) => `${cityId}\u0000${indicatorId}`;

// One definition per city (the first given wins), with that city's usable values in period order.
function collect(definitions: PublishedDefinition[], values: PublishedValue[]) {
  const valuesByIndicator = new Map<string, PublishedValue[]>();
  for (const value of values) {
    if (!isUsable(value)) continue;
    const key = ownKey(value.cityId, value.indicatorId);
    valuesByIndicator.set(key, [...(valuesByIndicator.get(key) ?? []), value]);
  }
  const seen = new Set<string>();
  const cities: { def: PublishedDefinition; all: PublishedValue[] }[] = [];
  for (const def of definitions) {
    if (seen.has(def.cityId)) continue;
    seen.add(def.cityId);
    const all = [...(valuesByIndicator.get(ownKey(def.cityId, def.indicatorId)) ?? [])].sort(byPeriod);
    cities.push({ def, all });
  }
  return cities.sort((a, b) => bySlug(a.def, b.def));
}

function populationIndex(population: PopulationFigure[]) {
  const index = new Map<string, number>();
  for (const figure of population) {
    const key = `${figure.cityId}\u0000${figure.year}`;
    if (!index.has(key) && Number.isFinite(figure.total) && figure.total > 0) index.set(key, figure.total);
  }
  return (cityId: string, year: number) => index.get(`${cityId}\u0000${year}`);
}

const latestOf = (all: PublishedValue[]) => all[all.length - 1];

// ---------------------------------------------------------------------------------------------------
// Comparability shared by compareCities (one observation per city) and compareSeries (many)

interface Participant {
  def: PublishedDefinition;
  // The observations compared, in period order.
  observations: PublishedValue[];
  // Every usable value of the city's indicator, in period order.
  all: PublishedValue[];
}

interface Assessment {
  caveats: Map<CaveatCode, string>;
  normalised: (number | null)[];
  normalisedUnit: string | null;
}

type Mode = 'period' | 'series';

// The definition most others resemble; ties go to the first city by slug (participants are sorted).
function referenceDefinition(participants: Participant[]): Participant {
  const texts = participants.map((p) => tokens(definitionText(p.def)));
  let best = 0;
  let bestCount = -1;
  texts.forEach((text, i) => {
    const count = texts.filter((other, j) => j !== i && jaccard(text, other) >= SIMILARITY_THRESHOLD).length;
    if (count > bestCount) [best, bestCount] = [i, count];
  });
  return participants[best];
}

// Each other city either differs from the reference (true), agrees (false) or cannot be judged (null).
// The reference itself is flagged too when nobody agrees with it: with two cities, or when every
// city differs, the choice of reference is arbitrary and neither side is on common ground.
function flagAgainstReference(
  participants: Participant[],
  reference: Participant,
  differs: (p: Participant) => boolean | null,
  add: (p: Participant, others: Participant[]) => void,
) {
  const differing: Participant[] = [];
  let agreeing = 0;
  for (const p of participants) {
    if (p === reference) continue;
    const verdict = differs(p);
    if (verdict === true) {
      differing.push(p);
      add(p, [reference]);
    } else if (verdict === false) agreeing += 1;
  }
  if (differing.length > 0 && agreeing === 0) add(reference, differing);
}

const dimensionSet = (def: PublishedDefinition) =>
  [...new Set(def.dimensions.map((d) => d.trim().toLowerCase()).filter((d) => d !== ''))].sort();
const dimensionsText = (dims: string[]) => (dims.length === 0 ? 'none' : dims.join(', '));

function assess(
  participants: Participant[],
  populationOf: (cityId: string, year: number) => number | undefined,
  mode: Mode,
): { reference: Participant | null; assessments: Map<string, Assessment> } {
  const assessments = new Map<string, Assessment>();
  if (participants.length === 0) return { reference: null, assessments };
  for (const p of participants) {
    assessments.set(p.def.cityId, { caveats: new Map(), normalised: [], normalisedUnit: null });
  }
  const note = (p: Participant, code: CaveatCode, message: string) => {
    const caveats = assessments.get(p.def.cityId)!.caveats;
    if (!caveats.has(code)) caveats.set(code, message);
  };
  const names = (others: Participant[]) => possessives(others.map((o) => o.def.cityName));
  const reference = referenceDefinition(participants);
  const ref = reference.def;

  flagAgainstReference(
    participants,
    reference,
    (p) => p.def.direction !== ref.direction,
    (p, others) =>
      note(
        p,
        'DIRECTION_DIFFERS',
        others.length === 1
          ? `Direction differs from ${names(others)}: here ${DIRECTION_TEXT[p.def.direction]}, there ${
              DIRECTION_TEXT[others[0].def.direction]
            }.`
          : `Direction differs from ${names(others)}: here ${DIRECTION_TEXT[p.def.direction]}.`,
      ),
  );

  const refTokens = tokens(definitionText(ref));
  flagAgainstReference(
    participants,
    reference,
    (p) => jaccard(tokens(definitionText(p.def)), refTokens) < SIMILARITY_THRESHOLD,
    (p, others) => {
      const other = others[0].def;
      const detail =
        others.length > 1
          ? ''
          : foldSpace(p.def.name) === foldSpace(other.name)
            ? `: the descriptions of "${p.def.name.trim()}" differ materially`
            : `: "${p.def.name.trim()}" here, "${other.name.trim()}" there`;
      note(p, 'DEFINITION_DIFFERS', `Definition differs from ${names(others)}${detail}.`);
    },
  );

  const refMethodology = hasText(ref.methodology) ? tokens(ref.methodology) : null;
  flagAgainstReference(
    participants,
    reference,
    (p) =>
      refMethodology === null || !hasText(p.def.methodology)
        ? null
        : jaccard(tokens(p.def.methodology), refMethodology) < SIMILARITY_THRESHOLD,
    (p, others) => note(p, 'METHODOLOGY_DIFFERS', `Methodology differs materially from ${names(others)}.`),
  );

  const refDimensions = dimensionSet(ref).join('\u0000');
  flagAgainstReference(
    participants,
    reference,
    (p) => dimensionSet(p.def).join('\u0000') !== refDimensions,
    (p, others) =>
      note(
        p,
        'DISAGGREGATION_DIFFERS',
        others.length === 1
          ? `Breakdowns differ from ${names(others)}: ${dimensionsText(dimensionSet(p.def))} here, ${dimensionsText(
              dimensionSet(others[0].def),
            )} there.`
          : `Breakdowns differ from ${names(others)}.`,
      ),
  );

  // Common unit: the most frequent one (ties: first city by slug); counts are compared per capita.
  const unitCounts = new Map<string, number>();
  for (const p of participants) {
    const key = unitKey(parseUnit(p.def.unit));
    unitCounts.set(key, (unitCounts.get(key) ?? 0) + 1);
  }
  const topCount = Math.max(...unitCounts.values());
  const unitReference = participants.find(
    (p) => unitCounts.get(unitKey(parseUnit(p.def.unit))) === topCount,
  )!;
  const referenceUnit = parseUnit(unitReference.def.unit);
  const target: TargetUnit =
    referenceUnit.family === 'count'
      ? PER_CAPITA_TARGET
      : { text: unitReference.def.unit.trim(), unit: referenceUnit };
  const unitOwner = (p: Participant) =>
    p === unitReference ? 'to compare with other cities' : `to compare with ${unitReference.def.cityName}`;

  const plans = new Map(participants.map((p) => [p, planConversion(parseUnit(p.def.unit), target.unit)]));
  flagAgainstReference(
    participants,
    unitReference,
    (p) => plans.get(p)!.kind === 'incompatible',
    (p, others) =>
      note(
        p,
        'UNIT_INCOMPATIBLE',
        p === unitReference
          ? `Unit "${p.def.unit.trim()}" cannot be converted to or from the units of ${listNames(
              others.map((o) => o.def.cityName),
            )}.`
          : `Unit "${p.def.unit.trim()}" cannot be converted to "${target.text}", the unit ${
              referenceUnit.family === 'count'
                ? 'counts are compared in'
                : `${unitReference.def.cityName} reports`
            }.`,
      ),
  );

  for (const p of participants) {
    const assessment = assessments.get(p.def.cityId)!;
    const plan = plans.get(p)!;
    switch (plan.kind) {
      case 'same':
        assessment.normalised = p.observations.map((o) => o.value);
        break;
      case 'scale':
        assessment.normalised = p.observations.map((o) => o.value * plan.factor);
        note(
          p,
          'UNIT_CONVERTED',
          `Converted from "${p.def.unit.trim()}" to "${target.text}", ${
            referenceUnit.family === 'count'
              ? 'the unit counts are compared in'
              : `the unit ${unitReference.def.cityName} reports`
          } (value × ${formatNumber(plan.factor)}).`,
        );
        break;
      case 'perCapita': {
        const populations = p.observations.map((o) => populationOf(p.def.cityId, o.year));
        assessment.normalised = p.observations.map((o, i) => {
          const total = populations[i];
          return total === undefined ? null : (o.value / total) * plan.per;
        });
        const missing = p.observations.filter((_, i) => populations[i] === undefined).map((o) => o.period);
        if (missing.length === p.observations.length) {
          note(
            p,
            'NO_POPULATION',
            `No population figure for ${listPeriods(missing)}, so the count cannot be expressed per ${formatNumber(
              plan.per,
            )} inhabitants ${unitOwner(p)}.`,
          );
        } else if (mode === 'period') {
          note(
            p,
            'PER_CAPITA',
            `Count expressed per ${formatNumber(plan.per)} inhabitants using a population of ${formatNumber(
              populations[0]!,
            )} (${p.observations[0].year}) ${unitOwner(p)}.`,
          );
        } else {
          const gap =
            missing.length === 0
              ? ''
              : `; no population figure for ${listPeriods(missing)}, so not normalised`;
          note(
            p,
            'PER_CAPITA',
            `Counts expressed per ${formatNumber(plan.per)} inhabitants using each year's population ${unitOwner(
              p,
            )}${gap}.`,
          );
        }
        break;
      }
      case 'incompatible':
        assessment.normalised = p.observations.map(() => null);
        break;
    }
    const normalisable = plan.kind !== 'incompatible' && assessment.normalised.some((n) => n !== null);
    assessment.normalisedUnit = normalisable ? target.text : null;
    assessment.normalised = assessment.normalised.map((n) =>
      normalisable && n !== null && Number.isFinite(n) ? round6(n) : null,
    );
  }

  // What belongs to the city's own observations: series, status.
  for (const p of participants) {
    const latest = latestOf(p.all);
    const seriesSeen = [...new Set(p.observations.map((o) => o.series))];
    if (mode === 'period') {
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
    } else if (seriesSeen.length > 1) {
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
    } else {
      const current = Math.max(p.def.series, latest.series);
      if (seriesSeen[0] !== current) {
        note(
          p,
          'SERIES_BREAK',
          `All values shown belong to series ${seriesSeen[0]}; the city's definition has since changed (series ${current}).`,
        );
      }
    }

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

  return { reference, assessments };
}

function comparability(caveats: Map<CaveatCode, string>): Comparability {
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
// compareCities

const isYearCode = (period: string) => /^\d{4}$/.test(period);

function matchPeriod(all: PublishedValue[], period: string): PublishedValue | undefined {
  // With duplicates for one period, the value of the latest series counts.
  const latestSeries = (candidates: PublishedValue[]) =>
    candidates.reduce<PublishedValue | undefined>(
      (best, v) => (best && best.series >= v.series ? best : v),
      undefined,
    );
  const exact = latestSeries(all.filter((v) => v.period === period));
  if (exact || !isYearCode(period)) return exact;
  const year = Number(period);
  return all.find((v) => v.granularity === 'span' && v.year === year);
}

function trendOf(all: PublishedValue[], value: PublishedValue): ComparisonRow['trend'] {
  // A value flagged as a break starts something new: a change against the past would mislead.
  if (value.status === 'break') return null;
  const previous = all
    .filter((v) => v.granularity === value.granularity && v.series === value.series && byPeriod(v, value) < 0)
    .pop();
  return previous ? { previousPeriod: previous.period, change: round6(value.value - previous.value) } : null;
}

export function compareCities(input: CompareCitiesInput): ComparisonRow[] {
  const period = input.period.trim();
  const participants: Participant[] = [];
  for (const { def, all } of collect(input.definitions, input.values)) {
    const value = matchPeriod(all, period);
    if (value) participants.push({ def, all, observations: [value] });
  }
  const { reference, assessments } = assess(participants, populationIndex(input.population), 'period');
  if (reference === null) return [];

  // A span standing in for a calendar year differs from the cities that report that very year.
  const exact = participants.filter((p) => p.observations[0].period === period);
  for (const p of participants) {
    const value = p.observations[0];
    if (value.period === period || exact.length === 0) continue;
    assessments
      .get(p.def.cityId)!
      .caveats.set(
        'GRANULARITY_DIFFERS',
        `This figure covers ${value.period}, not calendar year ${period} like ${possessives(
          exact.map((e) => e.def.cityName),
        )}.`,
      );
  }

  const rows = participants.map((p): ComparisonRow => {
    const { def } = p;
    const value = p.observations[0];
    const assessment = assessments.get(def.cityId)!;
    const normalisedValue = assessment.normalised[0];
    return {
      city: def.citySlug,
      cityName: def.cityName,
      indicatorCode: def.indicatorCode,
      period: value.period,
      value: value.value,
      unit: def.unit,
      normalisedValue,
      normalisedUnit: normalisedValue === null ? null : assessment.normalisedUnit,
      comparability: comparability(assessment.caveats),
      trend: trendOf(p.all, value),
      distanceToTarget: def.target ? round6(value.value - def.target.value) : null,
    };
  });
  return rankRows(rows, reference.def.direction);
}

// ---------------------------------------------------------------------------------------------------
// rankRows

// Ranks comparable rows with a normalised value (1 = best, ties share a rank: 1, 1, 3); other rows
// lose any rank. Caveats are left as they are: they were judged against the whole comparison.
export function rankRows(rows: readonly ComparisonRow[], direction: Direction): ComparisonRow[] {
  const unranked = rows.map(({ rank: _rank, ...row }): ComparisonRow => row);
  const rankable =
    direction === 'neutral'
      ? []
      : unranked.filter((row) => row.comparability.comparable && row.normalisedValue !== null);
  const sign = direction === 'lower_is_better' ? 1 : -1;
  const valueOf = (row: ComparisonRow) => round6(row.normalisedValue!);
  const bySlugThen = (a: ComparisonRow, b: ComparisonRow) => compareText(a.city, b.city);
  rankable.sort((a, b) => sign * (valueOf(a) - valueOf(b)) || bySlugThen(a, b));
  const ranked: ComparisonRow[] = [];
  rankable.forEach((row, i) => {
    const previous = ranked[i - 1];
    const rank = previous && valueOf(previous) === valueOf(row) ? previous.rank! : i + 1;
    ranked.push({ ...row, rank });
  });
  const rest = unranked.filter((row) => !rankable.includes(row)).sort(bySlugThen);
  return [...ranked, ...rest];
}

// ---------------------------------------------------------------------------------------------------
// compareSeries

export function compareSeries(input: CompareSeriesInput): SeriesComparison {
  const from = input.fromYear ?? Number.NEGATIVE_INFINITY;
  const to = input.toYear ?? Number.POSITIVE_INFINITY;
  const participants: Participant[] = [];
  for (const { def, all } of collect(input.definitions, input.values)) {
    // Calendar years and year spans line up by first year; quarters and months are not series points.
    const observations = all.filter(
      (v) => (v.granularity === 'year' || v.granularity === 'span') && v.year >= from && v.year <= to,
    );
    if (observations.length > 0) participants.push({ def, all, observations });
  }
  const { assessments } = assess(participants, populationIndex(input.population), 'series');

  // Spans set against calendar years: the minority granularity is flagged (a tie flags the spans).
  const points = participants.flatMap((p) => p.observations);
  const spans = points.filter((o) => o.granularity === 'span').length;
  const odd: PublishedValue['granularity'] = spans > points.length - spans ? 'year' : 'span';
  const usual = participants.filter((p) => p.observations.some((o) => o.granularity !== odd));
  for (const p of participants) {
    const oddPeriods = p.observations.filter((o) => o.granularity === odd).map((o) => o.period);
    const others = usual.filter((u) => u !== p).map((u) => u.def.cityName);
    if (oddPeriods.length === 0 || others.length === 0) continue;
    assessments
      .get(p.def.cityId)!
      .caveats.set(
        'GRANULARITY_DIFFERS',
        odd === 'span'
          ? `Reports year spans (${listPeriods(oddPeriods)}), lined up by first year with the calendar years of ${listNames(others)}.`
          : `Reports calendar years (${listPeriods(oddPeriods)}), lined up with the year spans of ${listNames(others)}.`,
      );
  }

  const labels = new Map<string, PublishedValue>();
  for (const point of points) if (!labels.has(point.period)) labels.set(point.period, point);
  const periods = [...labels.values()].sort(byPeriod).map((v) => v.period);

  const cities = participants.map((p): SeriesCity => {
    const assessment = assessments.get(p.def.cityId)!;
    return {
      city: p.def.citySlug,
      cityName: p.def.cityName,
      unit: p.def.unit,
      normalisedUnit: assessment.normalisedUnit,
      comparability: comparability(assessment.caveats),
      points: p.observations.map((o, i) => ({
        period: o.period,
        value: o.value,
        normalisedValue: assessment.normalised[i],
        status: o.status,
      })),
    };
  });
  return { periods, cities };
}

// ---------------------------------------------------------------------------------------------------
// CSV

// Long format, one line per city and period, RFC 4180 (CRLF, quoted where needed). The columns the
// brief asked for come first; city_name and status follow so existing readers keep their positions.
const CSV_HEADER = [
  'city',
  'period',
  'value',
  'unit',
  'normalised_value',
  'normalised_unit',
  'comparability_score',
  'caveats',
  'city_name',
  'status',
];

const csvText = (text: string): string => {
  // Text a city typed (names, units) must not run as a spreadsheet formula on another city's desk.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const csvNumber = (n: number | null) => (n === null ? '' : String(n));

export function seriesToCsv(series: SeriesComparison): string {
  const lines = [CSV_HEADER.join(',')];
  for (const city of series.cities) {
    for (const point of city.points) {
      lines.push(
        [
          csvText(city.city),
          csvText(point.period),
          csvNumber(point.value),
          csvText(city.unit),
          csvNumber(point.normalisedValue),
          csvText(point.normalisedValue === null ? '' : (city.normalisedUnit ?? '')),
          csvNumber(city.comparability.score),
          csvText(city.comparability.caveats.map((c) => c.code).join(';')),
          csvText(city.cityName),
          csvText(point.status),
        ].join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
