// What a city has published about one indicator, as the comparison engine sees it.
export interface PublishedDefinition {
  cityId: string;
  citySlug: string;
  cityName: string;
  indicatorId: string;
  // Local code, for display only: matching is by framework reference.
  indicatorCode: string;
  // English (or the city's default language) name and description: the definition text.
  name: string;
  description: string | null;
  unit: string;
  direction: 'higher_is_better' | 'lower_is_better' | 'neutral';
  methodology: string | null;
  // Declared disaggregation dimensions, e.g. ['sex', 'district'].
  dimensions: string[];
  // Series number: it grows with each break in the series (a unit or methodology change).
  series: number;
  target: { value: number; year?: number } | null;
  // The glossary terms of the city the indicator links, each with the other cities' terms it is recorded
  // as an exactMatch of (`<cityId>:<termId>`).
  terms: LinkedTerm[];
  comparable: boolean;
  public: boolean;
}

export interface LinkedTerm {
  id: string;
  exactMatches: string[];
}

// One validated headline value (the total, no disaggregation) of a published indicator.
export interface PublishedValue {
  cityId: string;
  indicatorId: string;
  // Period code as the city reported it: '2019', '2019-Q1', '2019-03', '2013/14'.
  period: string;
  granularity: 'year' | 'quarter' | 'month' | 'span';
  // First year the period falls in (2013 for '2013/14'), used to line periods up across cities.
  year: number;
  value: number;
  // SDMX-like status of the total observation.
  status: 'normal' | 'estimated' | 'provisional' | 'break' | 'missing';
  // The indicator's series number when the value was submitted.
  series: number;
}

// A city's reference population for a year (inhabitants).
export interface PopulationFigure {
  cityId: string;
  year: number;
  total: number;
}

export type CaveatCode =
  | 'UNIT_CONVERTED'
  | 'UNIT_INCOMPATIBLE'
  | 'PER_CAPITA'
  | 'NO_POPULATION'
  | 'DEFINITION_DIFFERS'
  | 'METHODOLOGY_DIFFERS'
  | 'TERMS_DIFFER'
  | 'SERIES_BREAK'
  | 'DISAGGREGATION_DIFFERS'
  | 'ESTIMATED'
  | 'PROVISIONAL'
  | 'GRANULARITY_DIFFERS'
  | 'DIRECTION_DIFFERS';

export interface Caveat {
  code: CaveatCode;
  // One plain-English sentence a city official understands.
  message: string;
}

export interface ComparisonRow {
  city: string; // slug
  cityName: string;
  indicatorCode: string;
  period: string;
  // As reported, in the city's unit; null where small-number suppression hides it (status Q).
  value: number | null;
  unit: string;
  // Expressed in the comparison's common unit when a conversion is known, else null.
  normalisedValue: number | null;
  normalisedUnit: string | null;
  // 1 = best given `direction`; absent when the row is not comparable (or direction is neutral).
  rank?: number;
  comparability: { score: number; comparable: boolean; caveats: Caveat[] };
  // Only on a suppressed row: Q (confidential), with no value, normalised value, rank, trend or target.
  status?: 'Q';
  // Change against the city's previous period in the same series (same unit), if any.
  trend: { previousPeriod: string; change: number } | null;
  // value − target (in the city's unit) when the city has a target.
  distanceToTarget: number | null;
}
