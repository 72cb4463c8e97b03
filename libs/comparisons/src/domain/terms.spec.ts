import { compareCities } from './compare';
import { byCity, bristol, codes, definition, message, value } from './testing/comparison-factories';
import { sameTerms } from './terms';

const ghentTerm = { id: 'term-g', exactMatches: [] };
const lyonTerm = (exactMatches: string[] = []) => ({ id: 'term-l', exactMatches });

describe('glossary terms across cities', () => {
  it('are the same when each side is an exactMatch of the other, recorded by either city', () => {
    const ghent = definition('ghent', { terms: [ghentTerm] });
    expect(sameTerms(ghent, definition('lyon', { terms: [lyonTerm(['city-ghent:term-g'])] }))).toBe(true);
    const matchedByGhent = definition('ghent', {
      terms: [{ id: 'term-g', exactMatches: ['city-lyon:term-l'] }],
    });
    expect(sameTerms(matchedByGhent, definition('lyon', { terms: [lyonTerm()] }))).toBe(true);
  });

  it('differ when a term is unmatched or matched to another city only; cannot be judged without terms', () => {
    const ghent = definition('ghent', { terms: [ghentTerm, { id: 'term-g2', exactMatches: [] }] });
    expect(sameTerms(ghent, definition('lyon', { terms: [lyonTerm(['city-ghent:term-g'])] }))).toBe(false);
    expect(
      sameTerms(
        definition('ghent', { terms: [ghentTerm] }),
        definition('lyon', { terms: [lyonTerm(['city-porto:term-g'])] }),
      ),
    ).toBe(false);
    expect(sameTerms(definition('ghent', { terms: [ghentTerm] }), definition('lyon'))).toBeNull();
  });

  it('flag TERMS_DIFFER on both sides of a two-city comparison, and nobody when matched', () => {
    const g = definition('ghent', { terms: [ghentTerm] });
    const unmatched = definition('lyon', { terms: [lyonTerm()] });
    const rows = compareCities({
      definitions: [g, unmatched],
      values: [value(g, '2020', 2.9), value(unmatched, '2020', 4.2)],
      population: [],
      period: '2020',
    });
    expect(codes(byCity(rows, 'ghent'))).toEqual(['TERMS_DIFFER']);
    expect(byCity(rows, 'lyon').comparability.score).toBe(0.8);
    expect(message(byCity(rows, 'lyon'), 'TERMS_DIFFER')).toBe(
      "The glossary terms this indicator links are not recorded as the same (exactMatch) as Ghent's: the words may be defined differently.",
    );
    const matched = definition('lyon', { terms: [lyonTerm(['city-ghent:term-g'])] });
    const fine = compareCities({
      definitions: [g, matched, bristol],
      values: [value(g, '2020', 2.9), value(matched, '2020', 4.2), value(bristol, '2020', 3.1)],
      population: [],
      period: '2020',
    });
    expect(fine.flatMap((row) => codes(row))).toEqual([]);
  });
});
