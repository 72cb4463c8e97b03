import fc from 'fast-check';
import { additiveRelations, Cell, suppress } from './suppression';

const rule = { minCount: 5, secondary: true };
const cell = (period: string, disaggregation: Record<string, string>, value: number): Cell => ({
  period,
  disaggregation,
  value,
});

describe('suppress', () => {
  it('hides counts above 0 and below the minimum, and publishes 0 and the minimum itself', () => {
    const cells = [cell('2024', {}, 0), cell('2025', {}, 3), cell('2026', {}, 5)];
    expect(suppress(cells, { minCount: 5, secondary: false })).toEqual([null, 'primary', null]);
  });

  it('hides nothing without a rule', () => {
    expect(suppress([cell('2024', {}, 1)], null)).toEqual([null]);
  });

  it('hides the smallest other cell of a breakdown so the small one cannot be subtracted from the total', () => {
    const cells = [
      cell('2024', {}, 40),
      cell('2024', { sex: 'F' }, 3),
      cell('2024', { sex: 'M' }, 30),
      cell('2024', { sex: 'X' }, 7),
    ];
    expect(suppress(cells, rule)).toEqual([null, 'primary', null, 'secondary']);
  });

  it('follows the hidden cells into the other dimension until every relation holds', () => {
    // sex × age: hiding F/young (2) hides F/old in the sex=F breakdown by age, and M/young in the
    // age=young breakdown by sex; each of those then needs a partner in its other relation.
    const cells = [
      cell('2024', {}, 100),
      cell('2024', { sex: 'F' }, 42),
      cell('2024', { sex: 'M' }, 58),
      cell('2024', { age: 'young' }, 22),
      cell('2024', { age: 'old' }, 78),
      cell('2024', { age: 'young', sex: 'F' }, 2),
      cell('2024', { age: 'old', sex: 'F' }, 40),
      cell('2024', { age: 'young', sex: 'M' }, 20),
      cell('2024', { age: 'old', sex: 'M' }, 38),
    ];
    const marks = suppress(cells, rule);
    expect(marks.slice(5)).toEqual(['primary', 'secondary', 'secondary', 'secondary']);
    expect(marks.slice(0, 5)).toEqual([null, null, null, null, null]);
  });

  it('does not relate different periods', () => {
    const cells = [cell('2024', {}, 3), cell('2025', {}, 10)];
    expect(suppress(cells, rule)).toEqual(['primary', null]);
  });

  it('leaves no hidden cell recoverable from a single additive relation (random tables)', () => {
    const values = fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 500 }));
    const table = fc
      .record({
        periods: fc.integer({ min: 1, max: 3 }),
        sexes: fc.integer({ min: 0, max: 3 }),
        ages: fc.integer({ min: 0, max: 4 }),
        minCount: fc.integer({ min: 1, max: 12 }),
      })
      .chain(({ periods, sexes, ages, minCount }) => {
        const shapes: Record<string, string>[] = [];
        for (let s = -1; s < sexes; s++)
          for (let a = -1; a < ages; a++)
            shapes.push({ ...(s < 0 ? {} : { sex: `s${s}` }), ...(a < 0 ? {} : { age: `a${a}` }) });
        const keys = Array.from({ length: periods }, (_, p) =>
          shapes.map((d) => ({ p: `${2020 + p}`, d })),
        ).flat();
        return fc
          .tuple(fc.array(values, { minLength: keys.length, maxLength: keys.length }), fc.constant(minCount))
          .map(([vs, min]) => ({ cells: keys.map((k, i) => cell(k.p, k.d, vs[i])), minCount: min }));
      });
    fc.assert(
      fc.property(table, ({ cells, minCount }) => {
        const marks = suppress(cells, { minCount, secondary: true });
        cells.forEach((c, i) => {
          if (c.value > 0 && c.value < minCount) expect(marks[i]).toBe('primary');
        });
        for (const members of additiveRelations(cells)) {
          const hidden = members.filter((i) => marks[i]).length;
          expect(hidden === 0 || hidden >= 2).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
