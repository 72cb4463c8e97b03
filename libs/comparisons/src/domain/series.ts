import { assess } from './assessment';
import { Comparability, comparability } from './caveats';
import type { PopulationFigure, PublishedDefinition, PublishedValue } from './comparison.types';
import { Assessment, byPeriod, collect, Participant, populationIndex } from './participants';
import { listNames, listPeriods } from './wording';

// The comparison over a range of years: each city's yearly values side by side, judged as a whole.

export interface CompareSeriesInput {
  definitions: PublishedDefinition[];
  values: PublishedValue[];
  population: PopulationFigure[];
  fromYear?: number;
  toYear?: number;
}

export interface SeriesPoint {
  period: string;
  // As reported, in the city's unit; null where small-number suppression hides it (status Q).
  value: number | null;
  normalisedValue: number | null;
  status: PublishedValue['status'] | 'Q';
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

// Calendar years and year spans line up by first year; quarters and months are not series points.
function participantsInRange(input: CompareSeriesInput): Participant[] {
  const from = input.fromYear ?? Number.NEGATIVE_INFINITY;
  const to = input.toYear ?? Number.POSITIVE_INFINITY;
  const participants: Participant[] = [];
  for (const { def, all } of collect(input.definitions, input.values)) {
    const observations = all.filter(
      (v) => (v.granularity === 'year' || v.granularity === 'span') && v.year >= from && v.year <= to,
    );
    if (observations.length > 0) participants.push({ def, all, observations });
  }
  return participants;
}

// Spans set against calendar years: the minority granularity is flagged (a tie flags the spans).
function flagMinorityGranularity(participants: Participant[], assessments: Map<string, Assessment>) {
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
}

// Every period label any city reports, in period order.
function periodsOf(participants: Participant[]): string[] {
  const labels = new Map<string, PublishedValue>();
  for (const point of participants.flatMap((p) => p.observations)) {
    if (!labels.has(point.period)) labels.set(point.period, point);
  }
  return [...labels.values()].sort(byPeriod).map((v) => v.period);
}

function seriesCityOf(p: Participant, assessment: Assessment): SeriesCity {
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
}

export function compareSeries(input: CompareSeriesInput): SeriesComparison {
  const participants = participantsInRange(input);
  const { assessments } = assess(participants, populationIndex(input.population), 'series');
  flagMinorityGranularity(participants, assessments);
  return {
    periods: periodsOf(participants),
    cities: participants.map((p) => seriesCityOf(p, assessments.get(p.def.cityId)!)),
  };
}
