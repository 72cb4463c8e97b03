import { COMPARABLE_THRESHOLD } from './caveats';
import { compareCities } from './compare';
import { byCity, bristol, codes, definition, message, value } from './testing/comparison-factories';

describe('compareCities', () => {
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
});
