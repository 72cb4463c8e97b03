import { compareCities } from './compare';
import { byCity, bristol, codes, definition, message, valencia, value } from './testing/comparison-factories';

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
