// Texts per language (BCP 47 tag → text), and lists of texts per language.
export type LangMap = Record<string, string>;
export type LangList = Record<string, string[]>;

export interface TermSource {
  title: string;
  url?: string;
  // The standard or body it comes from: OHCHR, FRA, SDG metadata, a UN glossary…
  standard?: string;
}

// What a term says, as SKOS does: labels, notes and links to other terms of the city (by id).
export interface TermContent {
  prefLabel: LangMap;
  altLabels: LangList;
  hiddenLabels: LangList;
  definition: LangMap;
  scopeNote: LangMap;
  examples: LangList;
  sources: TermSource[];
  broader: string[];
  related: string[];
}

// A revision: each field given replaces the current one.
export type TermChanges = Partial<TermContent>;

export const TERM_STATUSES = ['proposed', 'adopted', 'deprecated', 'rejected'] as const;
export type TermStatus = (typeof TERM_STATUSES)[number];

export const STANCES = ['support', 'object'] as const;
export type Stance = (typeof STANCES)[number];

export const MATCH_KINDS = ['exactMatch', 'closeMatch', 'broadMatch', 'narrowMatch', 'relatedMatch'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

export interface TermMatch {
  cityId: string;
  termId: string;
  kind: MatchKind;
}

export type GlossaryTermEvent =
  | {
      type: 'GlossaryTermProposed';
      data: { termId: string; proposalId: string; content: TermContent; rationale: string };
    }
  | {
      type: 'GlossaryRevisionProposed';
      data: { termId: string; proposalId: string; changes: TermChanges; rationale: string };
    }
  | {
      type: 'GlossaryStanceTaken';
      data: { termId: string; proposalId: string; memberId: string; stance: Stance };
    }
  | {
      type: 'GlossaryProposalAdopted';
      // `content` is the term as adopted, whole: the history reads each revision without replaying.
      data: { termId: string; proposalId: string; note: string; revision: number; content: TermContent };
    }
  | {
      type: 'GlossaryProposalSuperseded';
      data: { termId: string; proposalId: string; byProposalId: string | null; reason: string };
    }
  | { type: 'GlossaryProposalRejected'; data: { termId: string; proposalId: string; note: string } }
  | { type: 'GlossaryTermDeprecated'; data: { termId: string; note: string; replacedBy: string | null } }
  | { type: 'GlossaryTermMatched'; data: { termId: string; match: TermMatch } };

export type GlossaryTermEventType = GlossaryTermEvent['type'];

export const GLOSSARY_TERM_EVENT_TYPES: readonly GlossaryTermEventType[] = [
  'GlossaryTermProposed',
  'GlossaryRevisionProposed',
  'GlossaryStanceTaken',
  'GlossaryProposalAdopted',
  'GlossaryProposalSuperseded',
  'GlossaryProposalRejected',
  'GlossaryTermDeprecated',
  'GlossaryTermMatched',
];

// Also the comment target kind of a term (`glossary-term`).
export const glossaryTermStream = (termId: string) => `glossary-term-${termId}`;
export const termIdOfStream = (streamId: string) => streamId.replace(/^glossary-term-/, '');
export const isTermStream = (streamId: string) => /^glossary-term-[0-9a-f-]{36}$/.test(streamId);
