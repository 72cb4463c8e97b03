import type { PublishedDefinition } from './comparison.types';
import { flagAgainstReference, namesOf, Note, Participant } from './participants';
import { foldSpace } from './units';

// Whether two cities measure the same thing: Jaccard similarity of the words of their definitions and
// methodologies.

// Below this similarity of token sets, two texts (definition, methodology) differ materially.
const SIMILARITY_THRESHOLD = 0.6;

const tokens = (text: string): Set<string> => {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    // '1,000' and '100 000' are one number, not two tokens.
    .replace(/(\d)[,.\u00a0\u202f' ](?=\d{3}(?!\d))/g, '$1');
  return new Set(folded.match(/[\p{L}\p{N}]+/gu) ?? []);
};

const jaccard = (a: Set<string>, b: Set<string>): number => {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared += 1;
  return shared / (a.size + b.size - shared);
};

const definitionText = (def: PublishedDefinition) => `${def.name} ${def.description ?? ''}`;
const hasText = (text: string | null): text is string => text !== null && text.trim() !== '';

// The definition most others resemble; ties go to the first city by slug (participants are sorted).
export function referenceDefinition(participants: Participant[]): Participant {
  const texts = participants.map((p) => tokens(definitionText(p.def)));
  let best = 0;
  let bestCount = -1;
  texts.forEach((text, i) => {
    const count = texts.filter((other, j) => j !== i && jaccard(text, other) >= SIMILARITY_THRESHOLD).length;
    if (count > bestCount) [best, bestCount] = [i, count];
  });
  return participants[best];
}

export function flagDefinitions(participants: Participant[], reference: Participant, note: Note) {
  const refTokens = tokens(definitionText(reference.def));
  flagAgainstReference(
    participants,
    reference,
    (p) => jaccard(tokens(definitionText(p.def)), refTokens) < SIMILARITY_THRESHOLD,
    (p, others) => {
      const other = others[0].def;
      const detail =
        others.length > 1
          ? ''
          : foldSpace(p.def.name) === foldSpace(other.name)
            ? `: the descriptions of "${p.def.name.trim()}" differ materially`
            : `: "${p.def.name.trim()}" here, "${other.name.trim()}" there`;
      note(p, 'DEFINITION_DIFFERS', `Definition differs from ${namesOf(others)}${detail}.`);
    },
  );
}

// Judged only between cities that both describe their methodology.
export function flagMethodologies(participants: Participant[], reference: Participant, note: Note) {
  const refMethodology = hasText(reference.def.methodology) ? tokens(reference.def.methodology) : null;
  flagAgainstReference(
    participants,
    reference,
    (p) =>
      refMethodology === null || !hasText(p.def.methodology)
        ? null
        : jaccard(tokens(p.def.methodology), refMethodology) < SIMILARITY_THRESHOLD,
    (p, others) => note(p, 'METHODOLOGY_DIFFERS', `Methodology differs materially from ${namesOf(others)}.`),
  );
}
