import { compareSeries } from './series';
import { bristol, codes, definition, population, valencia, value } from './testing/comparison-factories';

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
