import { formatNumber, round6 } from './numbers';
import { Assessment, flagAgainstReference, Mode, Note, Participant, PopulationOf } from './participants';
import { Conversion, parseUnit, planConversion, TargetUnit, targetUnitFor, unitKey } from './units';
import { listNames, listPeriods } from './wording';

// Every city's observations expressed in one common unit, with caveats saying how (or why not).

interface CommonUnit {
  // The city whose unit is the common one.
  owner: Participant;
  target: TargetUnit;
}

interface Context {
  common: CommonUnit;
  populationOf: PopulationOf;
  mode: Mode;
  note: Note;
}

// The most frequent unit (ties: first city by slug, participants are sorted); counts are compared per
// capita.
function commonUnit(participants: Participant[]): CommonUnit {
  const keyOf = (p: Participant) => unitKey(parseUnit(p.def.unit));
  const unitCounts = new Map<string, number>();
  for (const p of participants) unitCounts.set(keyOf(p), (unitCounts.get(keyOf(p)) ?? 0) + 1);
  const topCount = Math.max(...unitCounts.values());
  const owner = participants.find((p) => unitCounts.get(keyOf(p)) === topCount)!;
  return { owner, target: targetUnitFor(owner.def.unit) };
}

// Completes "the unit …" in messages.
const whoseUnit = ({ owner, target }: CommonUnit) =>
  target.forCounts ? 'counts are compared in' : `${owner.def.cityName} reports`;

const purpose = ({ owner }: CommonUnit, p: Participant) =>
  p === owner ? 'to compare with other cities' : `to compare with ${owner.def.cityName}`;

function flagIncompatibleUnits(
  participants: Participant[],
  plans: Map<Participant, Conversion>,
  ctx: Context,
) {
  const { owner, target } = ctx.common;
  flagAgainstReference(
    participants,
    owner,
    (p) => plans.get(p)!.kind === 'incompatible',
    (p, others) =>
      ctx.note(
        p,
        'UNIT_INCOMPATIBLE',
        p === owner
          ? `Unit "${p.def.unit.trim()}" cannot be converted to or from the units of ${listNames(
              others.map((o) => o.def.cityName),
            )}.`
          : `Unit "${p.def.unit.trim()}" cannot be converted to "${target.text}", the unit ${whoseUnit(ctx.common)}.`,
      ),
  );
}

// A count divided by the population of each observation's year; null for years without a figure.
function perCapita(p: Participant, per: number, ctx: Context): (number | null)[] {
  const populations = p.observations.map((o) => ctx.populationOf(p.def.cityId, o.year));
  const missing = p.observations.filter((_, i) => populations[i] === undefined).map((o) => o.period);
  const perInhabitants = `per ${formatNumber(per)} inhabitants`;
  if (missing.length === p.observations.length) {
    ctx.note(
      p,
      'NO_POPULATION',
      `No population figure for ${listPeriods(missing)}, so the count cannot be expressed ${perInhabitants} ${purpose(ctx.common, p)}.`,
    );
  } else if (ctx.mode === 'period') {
    ctx.note(
      p,
      'PER_CAPITA',
      `Count expressed ${perInhabitants} using a population of ${formatNumber(populations[0]!)} (${
        p.observations[0].year
      }) ${purpose(ctx.common, p)}.`,
    );
  } else {
    const gap =
      missing.length === 0 ? '' : `; no population figure for ${listPeriods(missing)}, so not normalised`;
    ctx.note(
      p,
      'PER_CAPITA',
      `Counts expressed ${perInhabitants} using each year's population ${purpose(ctx.common, p)}${gap}.`,
    );
  }
  return p.observations.map((o, i) => {
    const total = populations[i];
    return total === undefined ? null : (o.value / total) * per;
  });
}

// Each observation in the common unit, unrounded; null where it cannot be expressed in it.
function convert(p: Participant, plan: Conversion, ctx: Context): (number | null)[] {
  switch (plan.kind) {
    case 'same':
      return p.observations.map((o) => o.value);
    case 'scale':
      ctx.note(
        p,
        'UNIT_CONVERTED',
        `Converted from "${p.def.unit.trim()}" to "${ctx.common.target.text}", the unit ${whoseUnit(
          ctx.common,
        )} (value × ${formatNumber(plan.factor)}).`,
      );
      return p.observations.map((o) => o.value * plan.factor);
    case 'perCapita':
      return perCapita(p, plan.per, ctx);
    case 'incompatible':
      return p.observations.map(() => null);
  }
}

export function normaliseUnits(
  participants: Participant[],
  assessments: Map<string, Assessment>,
  populationOf: PopulationOf,
  mode: Mode,
  note: Note,
) {
  const ctx: Context = { common: commonUnit(participants), populationOf, mode, note };
  const plans = new Map(
    participants.map((p) => [p, planConversion(parseUnit(p.def.unit), ctx.common.target.unit)]),
  );
  flagIncompatibleUnits(participants, plans, ctx);
  for (const p of participants) {
    const plan = plans.get(p)!;
    const converted = convert(p, plan, ctx);
    const normalisable = plan.kind !== 'incompatible' && converted.some((n) => n !== null);
    const assessment = assessments.get(p.def.cityId)!;
    assessment.normalisedUnit = normalisable ? ctx.common.target.text : null;
    assessment.normalised = converted.map((n) =>
      normalisable && n !== null && Number.isFinite(n) ? round6(n) : null,
    );
  }
}
