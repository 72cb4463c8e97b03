import { compareCities } from './compare';
import { rankRows } from './ranking';
import { byCity, bristol, definition, valencia, value } from './testing/comparison-factories';

describe('compareCities', () => {
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
