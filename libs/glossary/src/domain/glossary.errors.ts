import { defineErrors } from '@rl/kernel';

// Codes of a term name the aggregate as its version conflicts do (GLOSSARY_TERM.VERSION_CONFLICT).
export const GlossaryTermErrors = defineErrors('GLOSSARY_TERM', {
  NOT_FOUND: { kind: 'not_found', message: 'No such term' },
  ALREADY_EXISTS: { kind: 'conflict', message: 'This term is already proposed' },
  LABEL_TAKEN: {
    kind: 'conflict',
    message: 'Another term of this city has this preferred label in this language',
  },
  LABELS_OVERLAP: {
    kind: 'invalid',
    message: 'A preferred, alternative and hidden label of one language never share a value',
  },
  INVALID_LANGUAGE: { kind: 'invalid', message: 'A language is a BCP 47 tag such as en, nl or pt-BR' },
  INCOMPLETE: { kind: 'invalid', message: 'A term needs a preferred label and a definition' },
  TOO_LARGE: { kind: 'invalid', message: 'A field of the term is longer or has more entries than allowed' },
  UNKNOWN_TERM: { kind: 'invalid', message: 'A linked term is not a term of this city' },
  CYCLE: { kind: 'invalid', message: 'The broader links would form a cycle' },
  BROADER_AND_RELATED: {
    kind: 'invalid',
    message: 'A term cannot be both broader and related to the same term',
  },
  NOT_OPEN: { kind: 'invalid', message: 'Open proposals only: this term takes no new proposals' },
  NOTHING_TO_CHANGE: { kind: 'bad_request', message: 'A revision changes at least one field' },
  PROPOSAL_NOT_FOUND: { kind: 'not_found', message: 'No such proposal on this term' },
  PROPOSAL_CLOSED: { kind: 'invalid', message: 'This proposal was already decided' },
  PROPOSAL_REQUIRED: {
    kind: 'invalid',
    message: 'Several proposals are open on this term: name the one you decide (proposalId)',
  },
  NOT_ADOPTED: { kind: 'invalid', message: 'Only an adopted term can be revised, deprecated or matched' },
  INVALID_REPLACEMENT: {
    kind: 'invalid',
    message: 'A deprecated term is replaced by another adopted term of this city',
  },
  MATCH_TARGET_UNKNOWN: {
    kind: 'invalid',
    message: "A match names another city's published term",
  },
  MATCH_CONFLICT: {
    kind: 'conflict',
    message: 'exactMatch never goes with broadMatch or relatedMatch on one pair of terms',
  },
});

export const GlossaryErrors = defineErrors('GLOSSARY', {
  IMPORT_UNREADABLE: { kind: 'invalid', message: 'The file is not SKOS Turtle this glossary can read' },
  IMPORT_TOO_LARGE: { kind: 'invalid', message: 'The file is larger than the import limit' },
  IMPORT_DEPRECATED: { kind: 'invalid', message: 'A deprecated concept is not proposed' },
  IMPORT_EMPTY: { kind: 'invalid', message: 'The file holds no skos:Concept with a preferred label' },
});
