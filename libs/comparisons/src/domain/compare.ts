import { assess } from './assessment';
import { comparability } from './caveats';
import type {
  ComparisonRow,
  PopulationFigure,
  PublishedDefinition,
  PublishedValue,
} from './comparison.types';
import { round6 } from './numbers';
import { Assessment, byPeriod, collect, Participant, populationIndex } from './participants';
import { rankRows } from './ranking';
import { possessives } from './wording';

// Pure comparison engine for one period: definitions of one framework code across cities, their
// validated headline values and population figures in; ranked rows out. No clock, no randomness, no I/O.
// compareSeries (series.ts) does the same over a range of years.

export interface CompareCitiesInput {
  definitions: PublishedDefinition[];
  values: PublishedValue[];
  population: PopulationFigure[];
  period: string;
}

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

// A span standing in for a calendar year differs from the cities that report that very year.
function flagSpansForYear(participants: Participant[], assessments: Map<string, Assessment>, period: string) {
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
}

function rowOf(p: Participant, assessment: Assessment): ComparisonRow {
  const { def } = p;
  const value = p.observations[0];
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
  flagSpansForYear(participants, assessments, period);
  const rows = participants.map((p) => rowOf(p, assessments.get(p.def.cityId)!));
  return rankRows(rows, reference.def.direction);
}
