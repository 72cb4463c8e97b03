import { compareCities } from './compare';
import {
  byCity,
  bristol,
  codes,
  definition,
  message,
  population,
  value,
} from './testing/comparison-factories';
import { convertUnit } from './units';

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
});
