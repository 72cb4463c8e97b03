import { compareCities } from './compare';
import { byCity, bristol, codes, definition, message, valencia, value } from './testing/comparison-factories';

describe('compareCities', () => {
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
});
