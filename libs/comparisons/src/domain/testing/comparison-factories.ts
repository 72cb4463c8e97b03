import type {
  ComparisonRow,
  PopulationFigure,
  PublishedDefinition,
  PublishedValue,
} from '../comparison.types';

// Factories: a valid, comparable definition of infant mortality; tests override what they are about.
const NAMES: Record<string, string> = {
  bristol: 'Bristol',
  ghent: 'Ghent',
  lyon: 'Lyon',
  porto: 'Porto',
  valencia: 'València',
};

export const definition = (
  citySlug: string,
  overrides: Partial<PublishedDefinition> = {},
): PublishedDefinition => ({
  cityId: `city-${citySlug}`,
  citySlug,
  cityName: NAMES[citySlug] ?? citySlug,
  indicatorId: `ind-${citySlug}`,
  indicatorCode: `${citySlug.slice(0, 3).toUpperCase()}-H1`,
  name: 'Infant mortality rate',
  description: 'Deaths of infants under 1 year per 1,000 live births',
  unit: 'per 1000 live births',
  direction: 'lower_is_better',
  methodology: null,
  dimensions: [],
  series: 1,
  target: null,
  terms: [],
  comparable: true,
  public: true,
  ...overrides,
});

const granularityOf = (period: string): PublishedValue['granularity'] =>
  /^\d{4}$/.test(period)
    ? 'year'
    : period.includes('/')
      ? 'span'
      : period.includes('Q')
        ? 'quarter'
        : 'month';

export const value = (
  def: PublishedDefinition,
  period: string,
  amount: number,
  overrides: Partial<PublishedValue> = {},
): PublishedValue => ({
  cityId: def.cityId,
  indicatorId: def.indicatorId,
  period,
  granularity: granularityOf(period),
  year: Number(period.slice(0, 4)),
  value: amount,
  status: 'normal',
  series: def.series,
  ...overrides,
});

export const population = (def: PublishedDefinition, year: number, total: number): PopulationFigure => ({
  cityId: def.cityId,
  year,
  total,
});

export const codes = (row: { comparability: { caveats: { code: string }[] } }) =>
  row.comparability.caveats.map((caveat) => caveat.code);
export const message = (row: ComparisonRow, code: string) =>
  row.comparability.caveats.find((caveat) => caveat.code === code)?.message;
export const byCity = (rows: ComparisonRow[], city: string) => rows.find((row) => row.city === city)!;

export const bristol = definition('bristol');
export const valencia = definition('valencia', {
  name: 'Under-5 mortality rate',
  description: 'Deaths of children under 5 years per 1,000 live births',
});
