import {
  COMPARABLE_THRESHOLD,
  compareCities,
  compareSeries,
  convertUnit,
  rankRows,
  SeriesComparison,
  seriesToCsv,
} from './compare';
import { ComparisonRow, PopulationFigure, PublishedDefinition, PublishedValue } from './comparison.types';

// Factories: a valid, comparable definition of infant mortality; tests override what they are about.
const NAMES: Record<string, string> = {
  bristol: 'Bristol',
  ghent: 'Ghent',
  lyon: 'Lyon',
  porto: 'Porto',
  valencia: 'València',
};

const definition = (citySlug: string, overrides: Partial<PublishedDefinition> = {}): PublishedDefinition => ({
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

const value = (
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

const population = (def: PublishedDefinition, year: number, total: number): PopulationFigure => ({
  cityId: def.cityId,
  year,
  total,
});

const codes = (row: { comparability: { caveats: { code: string }[] } }) =>
  row.comparability.caveats.map((caveat) => caveat.code);
const message = (row: ComparisonRow, code: string) =>
  row.comparability.caveats.find((caveat) => caveat.code === code)?.message;
const byCity = (rows: ComparisonRow[], city: string) => rows.find((row) => row.city === city)!;

const bristol = definition('bristol');
const valencia = definition('valencia', {
  name: 'Under-5 mortality rate',
  description: 'Deaths of children under 5 years per 1,000 live births',
});

describe('convertUnit', () => {
  it('converts percent to a rate per 1,000 inhabitants and back, a conversion of scale only', () => {
    expect(convertUnit(1.5, '%', 'per 1,000 inhabitants')).toBe(15);
    expect(convertUnit(15, 'per 1000 inhabitants', 'percent')).toBe(1.5);
  });

  it('converts rates of the same base whatever the way the scale is written', () => {
    expect(convertUnit(2, 'per 1000 population', 'per 10,000 population')).toBe(20);
    expect(convertUnit(3.5, 'per 1,000 live births', 'per 100 000 live births')).toBe(350);
    expect(convertUnit(0.35, '% of live births', 'per 1000 live births')).toBe(3.5);
    expect(convertUnit(4, 'per 100k inhabitants', 'per 1000 residents')).toBe(0.04);
  });

  it('treats an unstated base as the population', () => {
    expect(convertUnit(2, 'per 1000', 'per 100000 inhabitants')).toBe(200);
  });

  it('refuses rates of different bases', () => {
    expect(convertUnit(3, 'per 1000 live births', 'per 1000 inhabitants')).toBeNull();
    expect(convertUnit(3, 'per 1000 rental households', 'per 1000 households')).toBeNull();
    expect(convertUnit(3, 'percent', 'per 1000 live births')).toBeNull();
  });

  it('needs a population to turn a count into a rate', () => {
    expect(convertUnit(120, 'count', 'per 100000 inhabitants')).toBeNull();
    expect(convertUnit(120, 'number', 'Count')).toBe(120);
  });

  it('compares other units only when equal, ignoring case and spaces', () => {
    expect(convertUnit(21.5, 'Microgram/m3', 'microgram / m3')).toBe(21.5);
    expect(convertUnit(80, 'years', 'Years')).toBe(80);
    expect(convertUnit(80, 'years', 'months')).toBeNull();
    expect(convertUnit(1, 'yes/no', 'ratio')).toBeNull();
  });

  it('rounds to 6 significant digits', () => {
    expect(convertUnit(1 / 3, '%', 'per 1000')).toBe(3.33333);
  });
});

describe('compareCities', () => {
  it('keeps Bristol and València side by side for 2015 but flags their different definitions', () => {
    const rows = compareCities({
      definitions: [valencia, bristol],
      values: [value(bristol, '2015', 3.4), value(valencia, '2015', 3.1), value(valencia, '2016', 3.0)],
      population: [],
      period: '2015',
    });

    expect(rows.map((row) => row.city)).toEqual(['bristol', 'valencia']);
    for (const row of rows) {
      expect(codes(row)).toEqual(['DEFINITION_DIFFERS']);
      expect(row.comparability).toMatchObject({ score: 0.55, comparable: false });
      expect('rank' in row).toBe(false);
    }
    expect(message(byCity(rows, 'valencia'), 'DEFINITION_DIFFERS')).toBe(
      'Definition differs from Bristol\'s: "Under-5 mortality rate" here, "Infant mortality rate" there.',
    );
    expect(message(byCity(rows, 'bristol'), 'DEFINITION_DIFFERS')).toBe(
      'Definition differs from València\'s: "Infant mortality rate" here, "Under-5 mortality rate" there.',
    );
    expect(byCity(rows, 'valencia')).toMatchObject({
      cityName: 'València',
      indicatorCode: 'VAL-H1',
      period: '2015',
      value: 3.1,
      unit: 'per 1000 live births',
      normalisedValue: 3.1,
      normalisedUnit: 'per 1000 live births',
      trend: null,
      distanceToTarget: null,
    });
  });

  it('ranks comparable cities, 1 = lowest when lower is better', () => {
    const [ghent, lyon] = [definition('ghent'), definition('lyon')];
    const rows = compareCities({
      definitions: [bristol, ghent, lyon],
      values: [value(bristol, '2020', 3.4), value(ghent, '2020', 2.9), value(lyon, '2020', 4.2)],
      population: [],
      period: '2020',
    });

    expect(rows.map((row) => [row.city, row.rank])).toEqual([
      ['ghent', 1],
      ['bristol', 2],
      ['lyon', 3],
    ]);
    expect(rows[0].comparability).toEqual({ score: 1, comparable: true, caveats: [] });
  });

  it('ranks the highest first when higher is better, and ties share a rank', () => {
    const defs = ['bristol', 'ghent', 'lyon', 'porto'].map((slug) =>
      definition(slug, {
        name: 'Broadband coverage',
        description: null,
        unit: '%',
        direction: 'higher_is_better',
      }),
    );
    const rows = compareCities({
      definitions: defs,
      values: [
        value(defs[0], '2020', 80),
        value(defs[1], '2020', 91),
        value(defs[2], '2020', 91),
        value(defs[3], '2020', 75),
      ],
      population: [],
      period: '2020',
    });

    expect(rows.map((row) => [row.city, row.rank])).toEqual([
      ['ghent', 1],
      ['lyon', 1],
      ['bristol', 3],
      ['porto', 4],
    ]);
  });

  it('omits cities without a value for the period and ignores missing observations', () => {
    const [ghent, lyon] = [definition('ghent'), definition('lyon')];
    const rows = compareCities({
      definitions: [bristol, ghent, lyon],
      values: [
        value(bristol, '2020', 3.4),
        value(ghent, '2019', 2.9),
        value(lyon, '2020', Number.NaN, { status: 'missing' }),
      ],
      population: [],
      period: '2020',
    });

    expect(rows.map((row) => row.city)).toEqual(['bristol']);
    expect(rows[0].rank).toBe(1);
    expect(compareCities({ definitions: [], values: [], population: [], period: '2020' })).toEqual([]);
  });

  it('ignores values of other indicators and of other cities', () => {
    const rows = compareCities({
      definitions: [bristol],
      values: [
        value(bristol, '2020', 3.4, { indicatorId: 'another-indicator' }),
        value(bristol, '2020', 3.4, { cityId: 'city-ghent' }),
      ],
      population: [],
      period: '2020',
    });

    expect(rows).toEqual([]);
  });

  it('converts percent to the most common unit, per 1,000 inhabitants, with a small penalty', () => {
    const base = {
      name: 'Evictions',
      description: 'Households evicted',
      direction: 'lower_is_better' as const,
    };
    const b = definition('bristol', { ...base, unit: 'per 1000 inhabitants' });
    const g = definition('ghent', { ...base, unit: '%' });
    const l = definition('lyon', { ...base, unit: 'per 1,000 inhabitants' });
    const rows = compareCities({
      definitions: [g, l, b],
      values: [value(b, '2021', 9), value(g, '2021', 1.2), value(l, '2021', 15)],
      population: [],
      period: '2021',
    });

    expect(rows.map((row) => [row.city, row.normalisedValue, row.normalisedUnit, row.rank])).toEqual([
      ['bristol', 9, 'per 1000 inhabitants', 1],
      ['ghent', 12, 'per 1000 inhabitants', 2],
      ['lyon', 15, 'per 1000 inhabitants', 3],
    ]);
    const ghent = byCity(rows, 'ghent');
    expect(ghent).toMatchObject({ value: 1.2, unit: '%' });
    expect(ghent.comparability).toMatchObject({ score: 0.95, comparable: true });
    expect(message(ghent, 'UNIT_CONVERTED')).toBe(
      'Converted from "%" to "per 1000 inhabitants", the unit Bristol reports (value × 10).',
    );
    expect(codes(byCity(rows, 'lyon'))).toEqual([]);
  });

  it('takes the unit of the first city by slug when units are equally common', () => {
    const base = { name: 'Evictions', description: 'Households evicted' };
    const g = definition('ghent', { ...base, unit: 'per 10000 population' });
    const l = definition('lyon', { ...base, unit: 'per 1000 population' });
    const rows = compareCities({
      definitions: [l, g],
      values: [value(g, '2021', 30), value(l, '2021', 2)],
      population: [],
      period: '2021',
    });

    expect(byCity(rows, 'lyon')).toMatchObject({
      normalisedValue: 20,
      normalisedUnit: 'per 10000 population',
    });
    expect(codes(byCity(rows, 'lyon'))).toEqual(['UNIT_CONVERTED']);
    expect(codes(byCity(rows, 'ghent'))).toEqual([]);
  });

  it('marks rates of different bases as incompatible, on both sides when only two cities compare', () => {
    const g = definition('ghent', { unit: 'per 1000 inhabitants' });
    const rows = compareCities({
      definitions: [bristol, g],
      values: [value(bristol, '2020', 3.4), value(g, '2020', 0.04)],
      population: [],
      period: '2020',
    });

    expect(byCity(rows, 'ghent')).toMatchObject({
      normalisedValue: null,
      normalisedUnit: null,
      comparability: { score: 0, comparable: false },
    });
    expect(message(byCity(rows, 'ghent'), 'UNIT_INCOMPATIBLE')).toBe(
      'Unit "per 1000 inhabitants" cannot be converted to "per 1000 live births", the unit Bristol reports.',
    );
    expect(message(byCity(rows, 'bristol'), 'UNIT_INCOMPATIBLE')).toBe(
      'Unit "per 1000 live births" cannot be converted to or from the units of Ghent.',
    );
    expect(rows.every((row) => !('rank' in row))).toBe(true);
  });

  describe('counts', () => {
    const base = {
      name: 'Homicides',
      description: 'Intentional homicides',
      direction: 'lower_is_better' as const,
    };
    const g = definition('ghent', { ...base, unit: 'count' });
    const l = definition('lyon', { ...base, unit: 'number' });
    const b = definition('bristol', { ...base, unit: 'per 100000 inhabitants' });

    it('are compared per 100,000 inhabitants when the cities have population figures', () => {
      const rows = compareCities({
        definitions: [g, l, b],
        values: [value(g, '2019', 50), value(l, '2019', 100), value(b, '2019', 25)],
        population: [population(g, 2019, 250_000), population(l, 2019, 500_000), population(l, 2018, 1)],
        period: '2019',
      });

      expect(
        rows.map((row) => [row.city, row.value, row.normalisedValue, row.normalisedUnit, row.rank]),
      ).toEqual([
        ['ghent', 50, 20, 'per 100000 inhabitants', 1],
        ['lyon', 100, 20, 'per 100000 inhabitants', 1],
        ['bristol', 25, 25, 'per 100000 inhabitants', 3],
      ]);
      expect(codes(byCity(rows, 'ghent'))).toEqual(['PER_CAPITA']);
      expect(byCity(rows, 'ghent').comparability.score).toBe(0.95);
      expect(message(byCity(rows, 'lyon'), 'PER_CAPITA')).toBe(
        'Count expressed per 100,000 inhabitants using a population of 500,000 (2019) to compare with Ghent.',
      );
      // Bristol already reports in the common unit: nothing converted.
      expect(codes(byCity(rows, 'bristol'))).toEqual([]);
    });

    it('without a population figure for that year are not comparable', () => {
      const rows = compareCities({
        definitions: [g, l],
        values: [value(g, '2019', 50), value(l, '2019', 100)],
        population: [population(g, 2019, 250_000), population(l, 2018, 500_000)],
        period: '2019',
      });

      expect(byCity(rows, 'lyon')).toMatchObject({
        normalisedValue: null,
        normalisedUnit: null,
        comparability: { score: 0, comparable: false },
      });
      expect(message(byCity(rows, 'lyon'), 'NO_POPULATION')).toBe(
        'No population figure for 2019, so the count cannot be expressed per 100,000 inhabitants to compare with Ghent.',
      );
      expect(rows.map((row) => [row.city, row.rank])).toEqual([
        ['ghent', 1],
        ['lyon', undefined],
      ]);
    });

    it('are converted to a rate of inhabitants when that is the common unit', () => {
      const p = definition('porto', { ...base, unit: 'per 1000 inhabitants' });
      const rows = compareCities({
        definitions: [p, b, g],
        values: [value(p, '2019', 0.3), value(b, '2019', 25), value(g, '2019', 50)],
        population: [population(g, 2019, 250_000)],
        period: '2019',
      });

      // One unit each: Bristol's (first by slug) is the common one.
      expect(rows.map((row) => [row.city, row.normalisedValue, row.rank])).toEqual([
        ['ghent', 20, 1],
        ['bristol', 25, 2],
        ['porto', 30, 3],
      ]);
      expect(codes(byCity(rows, 'ghent'))).toEqual(['PER_CAPITA']);
      expect(codes(byCity(rows, 'porto'))).toEqual(['UNIT_CONVERTED']);
    });

    it('are never turned into a rate of something else than inhabitants', () => {
      const births = definition('porto', { ...base, unit: 'per 1000 live births' });
      const rows = compareCities({
        definitions: [births, g],
        values: [value(births, '2019', 3), value(g, '2019', 50)],
        population: [population(g, 2019, 250_000)],
        period: '2019',
      });

      expect(codes(byCity(rows, 'porto'))).toEqual(['UNIT_INCOMPATIBLE']);
      expect(codes(byCity(rows, 'ghent'))).toEqual(['UNIT_INCOMPATIBLE', 'PER_CAPITA']);
    });
  });

  it('gives no ranks when the direction is neutral', () => {
    const defs = ['lyon', 'bristol', 'ghent'].map((slug) =>
      definition(slug, {
        name: 'Complaints',
        description: 'Discrimination complaints',
        direction: 'neutral',
      }),
    );
    const rows = compareCities({
      definitions: defs,
      values: defs.map((def, i) => value(def, '2020', 10 - i)),
      population: [],
      period: '2020',
    });

    expect(rows.map((row) => row.city)).toEqual(['bristol', 'ghent', 'lyon']);
    expect(rows.every((row) => row.comparability.comparable && !('rank' in row))).toBe(true);
  });

  it('lowers the score for estimated and provisional values', () => {
    const [g, l] = [definition('ghent'), definition('lyon')];
    const rows = compareCities({
      definitions: [bristol, g, l],
      values: [
        value(bristol, '2020', 3.4, { status: 'estimated' }),
        value(g, '2020', 2.9, { status: 'provisional' }),
        value(l, '2020', 4.2),
      ],
      population: [],
      period: '2020',
    });

    expect(byCity(rows, 'bristol').comparability).toEqual({
      score: 0.9,
      comparable: true,
      caveats: [{ code: 'ESTIMATED', message: 'The 2020 value is an estimate.' }],
    });
    expect(byCity(rows, 'ghent').comparability).toEqual({
      score: 0.9,
      comparable: true,
      caveats: [{ code: 'PROVISIONAL', message: 'The 2020 value is provisional.' }],
    });
    expect(rows.map((row) => row.rank)).toEqual([1, 2, 3]);
  });

  it('adds penalties up and stops ranking below the threshold', () => {
    const g = definition('ghent', { series: 2, dimensions: ['sex'] });
    const rows = compareCities({
      definitions: [bristol, definition('lyon'), g],
      values: [
        value(bristol, '2019', 3.4),
        value(definition('lyon'), '2019', 3.9),
        // Provisional span of series 1, while the city's latest value is series 2.
        value(g, '2019/20', 2.5, { series: 1, status: 'provisional' }),
        value(g, '2022', 2.2),
      ],
      population: [],
      period: '2019',
    });

    const ghent = byCity(rows, 'ghent');
    expect(codes(ghent)).toEqual([
      'SERIES_BREAK',
      'GRANULARITY_DIFFERS',
      'DISAGGREGATION_DIFFERS',
      'PROVISIONAL',
    ]);
    expect(ghent.comparability.score).toBe(0.55);
    expect(ghent.comparability.score).toBeLessThan(COMPARABLE_THRESHOLD);
    expect(ghent.comparability.comparable).toBe(false);
    expect('rank' in ghent).toBe(false);
    expect(message(ghent, 'SERIES_BREAK')).toBe(
      "The 2019/20 value belongs to series 1; the city's latest value (2022) belongs to series 2, after a change of unit or methodology.",
    );
    expect(message(ghent, 'DISAGGREGATION_DIFFERS')).toBe(
      "Breakdowns differ from Bristol's: sex here, none there.",
    );
    expect(rows.map((row) => [row.city, row.rank])).toEqual([
      ['bristol', 1],
      ['lyon', 2],
      ['ghent', undefined],
    ]);
  });

  it('is exactly comparable at the threshold', () => {
    const g = definition('ghent', { series: 2 });
    const rows = compareCities({
      definitions: [bristol, g],
      values: [value(bristol, '2019', 3.4), value(g, '2019/20', 2.5, { series: 1, status: 'estimated' })],
      population: [],
      period: '2019',
    });

    // 1 − 0.15 (series) − 0.15 (granularity) − 0.1 (estimated)
    expect(byCity(rows, 'ghent').comparability).toMatchObject({ score: 0.6, comparable: true });
    expect(message(byCity(rows, 'ghent'), 'SERIES_BREAK')).toBe(
      "The 2019/20 value belongs to series 1; the city's definition has since changed (series 2).",
    );
    expect(byCity(rows, 'ghent').rank).toBe(1);
  });

  describe('direction', () => {
    it('that differs rules both cities out when only two compare', () => {
      const g = definition('ghent', { direction: 'higher_is_better' });
      const rows = compareCities({
        definitions: [bristol, g],
        values: [value(bristol, '2020', 3.4), value(g, '2020', 2.9)],
        population: [],
        period: '2020',
      });

      expect(rows.map((row) => [row.city, row.comparability.score, codes(row), 'rank' in row])).toEqual([
        ['bristol', 0, ['DIRECTION_DIFFERS'], false],
        ['ghent', 0, ['DIRECTION_DIFFERS'], false],
      ]);
      expect(message(byCity(rows, 'ghent'), 'DIRECTION_DIFFERS')).toBe(
        "Direction differs from Bristol's: here higher is better, there lower is better.",
      );
    });

    it('that differs rules out only the odd one when the others agree', () => {
      const [g, l] = [definition('ghent', { direction: 'neutral' }), definition('lyon')];
      const rows = compareCities({
        definitions: [bristol, g, l],
        values: [value(bristol, '2020', 3.4), value(g, '2020', 2.9), value(l, '2020', 3.0)],
        population: [],
        period: '2020',
      });

      expect(rows.map((row) => [row.city, row.rank, codes(row)])).toEqual([
        ['lyon', 1, []],
        ['bristol', 2, []],
        ['ghent', undefined, ['DIRECTION_DIFFERS']],
      ]);
    });
  });

  describe('definitions and methodology', () => {
    it('take the most common definition as the reference', () => {
      const [g, l] = [definition('ghent'), definition('lyon')];
      const rows = compareCities({
        definitions: [valencia, g, l],
        values: [value(valencia, '2015', 3.1), value(g, '2015', 2.9), value(l, '2015', 3.3)],
        population: [],
        period: '2015',
      });

      expect(rows.map((row) => [row.city, row.rank, codes(row)])).toEqual([
        ['ghent', 1, []],
        ['lyon', 2, []],
        ['valencia', undefined, ['DEFINITION_DIFFERS']],
      ]);
      expect(message(byCity(rows, 'valencia'), 'DEFINITION_DIFFERS')).toMatch(
        /^Definition differs from Ghent's/,
      );
    });

    it('ignore wording that does not change the meaning', () => {
      const g = definition('ghent', {
        name: 'Infant mortality rate',
        description: 'Deaths of infants under 1 year of age per 1000 live births.',
      });
      const rows = compareCities({
        definitions: [bristol, g],
        values: [value(bristol, '2015', 3.4), value(g, '2015', 2.9)],
        population: [],
        period: '2015',
      });

      expect(rows.map(codes)).toEqual([[], []]);
    });

    it('flag a materially different methodology only when both cities describe theirs', () => {
      const b = definition('bristol', {
        methodology: 'Registered deaths from the civil register, by place of residence',
      });
      const g = definition('ghent', {
        methodology: 'Hospital discharge records, estimated from a 10% sample',
      });
      const l = definition('lyon', { methodology: null });
      const rows = compareCities({
        definitions: [b, g, l],
        values: [value(b, '2015', 3.4), value(g, '2015', 2.9), value(l, '2015', 3.0)],
        population: [],
        period: '2015',
      });

      // Weakened, still comparable: all three are ranked.
      expect(rows.map((row) => [row.city, row.rank, row.comparability.score, codes(row)])).toEqual([
        ['ghent', 1, 0.7, ['METHODOLOGY_DIFFERS']],
        ['lyon', 2, 1, []],
        ['bristol', 3, 0.7, ['METHODOLOGY_DIFFERS']],
      ]);
      expect(message(byCity(rows, 'ghent'), 'METHODOLOGY_DIFFERS')).toBe(
        "Methodology differs materially from Bristol's.",
      );
    });
  });

  describe('periods', () => {
    const g = definition('ghent');

    it('use the span starting in the requested year for a city that reports spans', () => {
      const rows = compareCities({
        definitions: [bristol, g],
        values: [value(bristol, '2019', 3.4), value(g, '2018/19', 2.8), value(g, '2019/20', 2.6)],
        population: [],
        period: '2019',
      });

      expect(byCity(rows, 'ghent')).toMatchObject({
        period: '2019/20',
        value: 2.6,
        rank: 1,
        trend: { previousPeriod: '2018/19', change: -0.2 },
        comparability: { score: 0.85, comparable: true },
      });
      expect(message(byCity(rows, 'ghent'), 'GRANULARITY_DIFFERS')).toBe(
        "This figure covers 2019/20, not calendar year 2019 like Bristol's.",
      );
      expect(codes(byCity(rows, 'bristol'))).toEqual([]);
    });

    it('prefer the exact code to a span', () => {
      const rows = compareCities({
        definitions: [g],
        values: [value(g, '2019/20', 2.6), value(g, '2019', 2.7)],
        population: [],
        period: '2019',
      });

      expect(rows[0]).toMatchObject({ period: '2019', value: 2.7 });
    });

    it('need no granularity caveat when every city reports spans', () => {
      const rows = compareCities({
        definitions: [bristol, g],
        values: [value(bristol, '2019/20', 3.4), value(g, '2019/20', 2.6)],
        population: [],
        period: '2019',
      });

      expect(rows.map(codes)).toEqual([[], []]);
    });

    it('match quarters and months only exactly', () => {
      const values = [value(bristol, '2019', 3.4), value(g, '2019-Q1', 2.6), value(g, '2019-03', 2.5)];
      const input = { definitions: [bristol, g], values, population: [] };

      expect(compareCities({ ...input, period: '2019-Q1' }).map((row) => row.city)).toEqual(['ghent']);
      expect(compareCities({ ...input, period: '2019-03' }).map((row) => row.period)).toEqual(['2019-03']);
      expect(compareCities({ ...input, period: '2019' }).map((row) => row.city)).toEqual(['bristol']);
      expect(compareCities({ ...input, period: '2019-Q2' })).toEqual([]);
    });
  });

  describe('trend', () => {
    it('is the change against the previous period of the same granularity and series', () => {
      const g = definition('ghent', { series: 2 });
      const values = [
        value(g, '2016', 9.9, { series: 1 }),
        value(g, '2017', 0.1),
        value(g, '2018-Q4', 5),
        value(g, '2019', 0.3),
      ];
      const [row] = compareCities({ definitions: [g], values, population: [], period: '2019' });

      // 0.3 − 0.1 rounded to 6 significant digits, not 0.19999999999999998.
      expect(row.trend).toEqual({ previousPeriod: '2017', change: 0.2 });
    });

    it('is null across a series break, for the first value, and for a value marked as a break', () => {
      const g = definition('ghent', { series: 2 });
      const values = [
        value(g, '2017', 4, { series: 1 }),
        value(g, '2018', 3.5),
        value(g, '2020', 3, { status: 'break' }),
      ];
      const input = { definitions: [g], values, population: [] };

      expect(compareCities({ ...input, period: '2018' })[0].trend).toBeNull();
      expect(compareCities({ ...input, period: '2017' })[0].trend).toBeNull();
      expect(compareCities({ ...input, period: '2020' })[0].trend).toBeNull();
    });
  });

  it('gives the distance to the target in the city’s unit', () => {
    const b = definition('bristol', { target: { value: 3, year: 2030 } });
    const [row] = compareCities({
      definitions: [b],
      values: [value(b, '2020', 3.4)],
      population: [],
      period: '2020',
    });

    expect(row.distanceToTarget).toBe(0.4);
  });

  it('does not depend on the order of its input', () => {
    const defs = [bristol, definition('ghent'), definition('lyon', { unit: 'per 100 live births' })];
    const values = defs.flatMap((def, i) => [value(def, '2019', 3 + i), value(def, '2020', 2 + i)]);
    const input = { population: [], period: '2020' };

    expect(
      compareCities({ ...input, definitions: [...defs].reverse(), values: [...values].reverse() }),
    ).toEqual(compareCities({ ...input, definitions: defs, values }));
  });
});

describe('rankRows', () => {
  const defs = ['bristol', 'ghent', 'lyon', 'porto'].map((slug) => definition(slug));
  const rows = compareCities({
    definitions: [...defs, valencia],
    values: [
      value(defs[0], '2020', 3.4),
      value(defs[1], '2020', 2.9),
      value(defs[2], '2020', 4.2),
      value(defs[3], '2020', 2.1),
      value(valencia, '2020', 1.0),
    ],
    population: [],
    period: '2020',
  });

  it('re-ranks the cities a client selected among themselves', () => {
    expect(rows.map((row) => [row.city, row.rank])).toEqual([
      ['porto', 1],
      ['ghent', 2],
      ['bristol', 3],
      ['lyon', 4],
      ['valencia', undefined],
    ]);

    const subset = rankRows(
      rows.filter((row) => ['lyon', 'bristol', 'valencia'].includes(row.city)),
      'lower_is_better',
    );

    expect(subset.map((row) => [row.city, row.rank])).toEqual([
      ['bristol', 1],
      ['lyon', 2],
      ['valencia', undefined],
    ]);
    expect('rank' in subset[2]).toBe(false);
    // The input rows are left as they were.
    expect(byCity(rows, 'lyon').rank).toBe(4);
  });

  it('drops every rank for a neutral direction', () => {
    const neutral = rankRows(rows, 'neutral');

    expect(neutral.map((row) => row.city)).toEqual(['bristol', 'ghent', 'lyon', 'porto', 'valencia']);
    expect(neutral.some((row) => 'rank' in row)).toBe(false);
  });

  it('ranks the other way round when higher is better', () => {
    expect(rankRows(rows, 'higher_is_better').map((row) => row.rank)).toEqual([1, 2, 3, 4, undefined]);
    expect(rankRows(rows, 'higher_is_better')[0].city).toBe('lyon');
  });
});

describe('compareSeries', () => {
  const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  it('sets Bristol and València side by side for 2010–2019', () => {
    const values = [
      ...years(2005, 2022).map((year) => value(bristol, String(year), (50 - (year - 2005)) / 10)),
      ...years(2010, 2019).map((year) => value(valencia, String(year), (400 - (year - 2010) * 5) / 100)),
    ];
    const series = compareSeries({
      definitions: [valencia, bristol],
      values,
      population: [],
      fromYear: 2010,
      toYear: 2019,
    });

    expect(series.periods).toEqual(years(2010, 2019).map(String));
    expect(series.cities.map((city) => city.city)).toEqual(['bristol', 'valencia']);
    for (const city of series.cities) {
      expect(city.points.map((point) => point.period)).toEqual(series.periods);
      expect(codes(city)).toEqual(['DEFINITION_DIFFERS']);
      expect(city.comparability).toMatchObject({ score: 0.55, comparable: false });
      expect(city).toMatchObject({ unit: 'per 1000 live births', normalisedUnit: 'per 1000 live births' });
    }
    expect(series.cities[0].points[0]).toEqual({
      period: '2010',
      value: 4.5,
      normalisedValue: 4.5,
      status: 'normal',
    });
    expect(series.cities[1].points[9]).toEqual({
      period: '2019',
      value: 3.55,
      normalisedValue: 3.55,
      status: 'normal',
    });
  });

  it('lines spans up with calendar years and flags the city that reports spans', () => {
    const g = definition('ghent');
    const series = compareSeries({
      definitions: [g, bristol],
      values: [
        value(bristol, '2013', 3.4),
        value(bristol, '2014', 3.3),
        value(g, '2013/14', 2.8),
        value(g, '2014/15', 2.7),
        value(g, '2014-Q1', 2.7),
      ],
      population: [],
    });

    expect(series.periods).toEqual(['2013', '2013/14', '2014', '2014/15']);
    expect(series.cities.find((city) => city.city === 'ghent')!.points.map((point) => point.period)).toEqual([
      '2013/14',
      '2014/15',
    ]);
    expect(series.cities.find((city) => city.city === 'ghent')!.comparability.caveats).toEqual([
      {
        code: 'GRANULARITY_DIFFERS',
        message:
          'Reports year spans (2013/14 and 2014/15), lined up by first year with the calendar years of Bristol.',
      },
    ]);
    expect(codes(series.cities.find((city) => city.city === 'bristol')!)).toEqual([]);
  });

  it('aggregates caveats over the span: estimates and a series break inside it', () => {
    const g = definition('ghent', { series: 2, unit: 'per 100 live births' });
    const series = compareSeries({
      definitions: [bristol, g],
      values: [
        value(bristol, '2015', 3.4),
        value(g, '2014', 0.3, { series: 1 }),
        value(g, '2015', 0.31, { series: 1, status: 'estimated' }),
        value(g, '2016', 0.29, { status: 'break' }),
        value(g, '2017', 0.28),
      ],
      population: [],
      fromYear: 2014,
    });

    const ghent = series.cities[1];
    expect(ghent.comparability).toMatchObject({ score: 0.7, comparable: true });
    expect(ghent.comparability.caveats).toEqual([
      {
        code: 'SERIES_BREAK',
        message:
          'The values shown span a change of unit or methodology (series 1 for 2014–2015, series 2 for 2016–2017).',
      },
      {
        code: 'UNIT_CONVERTED',
        message:
          'Converted from "per 100 live births" to "per 1000 live births", the unit Bristol reports (value × 10).',
      },
      { code: 'ESTIMATED', message: 'The 2015 value is an estimate.' },
    ]);
    expect(ghent.points.map((point) => [point.period, point.normalisedValue, point.status])).toEqual([
      ['2014', 3, 'normal'],
      ['2015', 3.1, 'estimated'],
      ['2016', 2.9, 'break'],
      ['2017', 2.8, 'normal'],
    ]);
  });

  it('shortens long lists of periods in caveat messages', () => {
    const series = compareSeries({
      definitions: [bristol],
      values: years(2010, 2016).map((year) => value(bristol, String(year), 3, { status: 'estimated' })),
      population: [],
    });

    expect(series.cities[0].comparability.caveats).toEqual([
      { code: 'ESTIMATED', message: 'The values for 2010, 2011, 2012 and 4 more are estimates.' },
    ]);
  });

  it('flags values that all predate the current definition', () => {
    const g = definition('ghent', { series: 2 });
    const series = compareSeries({
      definitions: [g],
      values: [value(g, '2014', 3, { series: 1 }), value(g, '2015', 3.1, { series: 1 })],
      population: [],
    });

    expect(series.cities[0].comparability.caveats).toEqual([
      {
        code: 'SERIES_BREAK',
        message: "All values shown belong to series 1; the city's definition has since changed (series 2).",
      },
    ]);
  });

  it('expresses counts per capita year by year, leaving years without population unnormalised', () => {
    const base = { name: 'Homicides', description: 'Intentional homicides', unit: 'count' };
    const [g, l] = [definition('ghent', base), definition('lyon', base)];
    const series = compareSeries({
      definitions: [g, l],
      values: [value(g, '2018', 50), value(g, '2019', 60), value(l, '2018', 100), value(l, '2019', 90)],
      population: [population(g, 2018, 250_000), population(g, 2019, 240_000), population(l, 2019, 500_000)],
    });

    const [ghent, lyon] = series.cities;
    expect(ghent.points.map((point) => point.normalisedValue)).toEqual([20, 25]);
    expect(ghent).toMatchObject({ normalisedUnit: 'per 100000 inhabitants', comparability: { score: 0.95 } });
    expect(lyon.points.map((point) => point.normalisedValue)).toEqual([null, 18]);
    expect(lyon.comparability.caveats).toEqual([
      {
        code: 'PER_CAPITA',
        message:
          "Counts expressed per 100,000 inhabitants using each year's population to compare with Ghent; no population figure for 2018, so not normalised.",
      },
    ]);
  });

  it('rules out counts without any population figure', () => {
    const base = { name: 'Homicides', description: 'Intentional homicides', unit: 'count' };
    const [g, l] = [definition('ghent', base), definition('lyon', base)];
    const series = compareSeries({
      definitions: [g, l],
      values: [value(g, '2018', 50), value(l, '2018', 100), value(l, '2019', 90)],
      population: [population(g, 2018, 250_000)],
    });

    expect(series.cities[1]).toMatchObject({
      normalisedUnit: null,
      comparability: { score: 0, comparable: false },
      points: [{ normalisedValue: null }, { normalisedValue: null }],
    });
    expect(codes(series.cities[1])).toEqual(['NO_POPULATION']);
  });

  it('leaves out quarters, months and cities without a point in the range', () => {
    const g = definition('ghent');
    const series = compareSeries({
      definitions: [bristol, g],
      values: [value(bristol, '2015', 3.4), value(bristol, '2016-Q1', 3.2), value(g, '2009', 2.9)],
      population: [],
      fromYear: 2010,
    });

    expect(series.periods).toEqual(['2015']);
    expect(series.cities.map((city) => city.city)).toEqual(['bristol']);
    expect(compareSeries({ definitions: [], values: [], population: [] })).toEqual({
      periods: [],
      cities: [],
    });
  });
});

describe('seriesToCsv', () => {
  const series: SeriesComparison = {
    periods: ['2019', '2019/20'],
    cities: [
      {
        city: 'bristol',
        cityName: 'Bristol, City of',
        unit: 'per 1,000 live births',
        normalisedUnit: 'per 1,000 live births',
        comparability: { score: 1, comparable: true, caveats: [] },
        points: [{ period: '2019', value: 3.4, normalisedValue: 3.4, status: 'normal' }],
      },
      {
        city: 'ghent',
        cityName: 'The "Big" Ghent',
        unit: '=per 100 live births',
        normalisedUnit: null,
        comparability: {
          score: 0,
          comparable: false,
          caveats: [
            { code: 'UNIT_INCOMPATIBLE', message: 'x' },
            { code: 'ESTIMATED', message: 'y' },
          ],
        },
        points: [{ period: '2019/20', value: -0.25, normalisedValue: null, status: 'estimated' }],
      },
    ],
  };

  it('writes one RFC 4180 line per city and period, in long format', () => {
    expect(seriesToCsv(series)).toBe(
      [
        'city,period,value,unit,normalised_value,normalised_unit,comparability_score,caveats,city_name,status',
        'bristol,2019,3.4,"per 1,000 live births",3.4,"per 1,000 live births",1,,"Bristol, City of",normal',
        `ghent,2019/20,-0.25,'=per 100 live births,,,0,UNIT_INCOMPATIBLE;ESTIMATED,"The ""Big"" Ghent",estimated`,
        '',
      ].join('\r\n'),
    );
  });

  it('writes what compareSeries returns', () => {
    const csv = seriesToCsv(
      compareSeries({
        definitions: [bristol, valencia],
        values: [value(bristol, '2015', 3.4), value(valencia, '2015', 3.1)],
        population: [],
      }),
    );

    expect(csv.split('\r\n')).toEqual([
      'city,period,value,unit,normalised_value,normalised_unit,comparability_score,caveats,city_name,status',
      'bristol,2015,3.4,per 1000 live births,3.4,per 1000 live births,0.55,DEFINITION_DIFFERS,Bristol,normal',
      'valencia,2015,3.1,per 1000 live births,3.1,per 1000 live births,0.55,DEFINITION_DIFFERS,València,normal',
      '',
    ]);
  });
});
