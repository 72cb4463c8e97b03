import type { PublishedDefinition } from './comparison.types';
import { flagAgainstReference, namesOf, Note, Participant } from './participants';

export const termKey = (cityId: string, termId: string) => `${cityId}:${termId}`;

// Whether two cities' indicators link the same glossary terms: every term on either side recorded as an
// exactMatch (by either city) of a term on the other side. null when one of them links no term: there
// is nothing to judge by.
export function sameTerms(a: PublishedDefinition, b: PublishedDefinition): boolean | null {
  if (a.terms.length === 0 || b.terms.length === 0) return null;
  const covered = (from: PublishedDefinition, to: PublishedDefinition) =>
    from.terms.every((x) =>
      to.terms.some(
        (y) =>
          x.exactMatches.includes(termKey(to.cityId, y.id)) ||
          y.exactMatches.includes(termKey(from.cityId, x.id)),
      ),
    );
  return covered(a, b) && covered(b, a);
}

export function flagTerms(participants: Participant[], reference: Participant, note: Note) {
  flagAgainstReference(
    participants,
    reference,
    (p) => {
      const same = sameTerms(p.def, reference.def);
      return same === null ? null : !same;
    },
    (p, others) =>
      note(
        p,
        'TERMS_DIFFER',
        `The glossary terms this indicator links are not recorded as the same (exactMatch) as ${namesOf(
          others,
        )}: the words may be defined differently.`,
      ),
  );
}
