import { GlossaryTermEvent, TermContent } from '../glossary-term.events';
import { EMPTY_CONTENT, GlossaryFacts, TermFacts } from '../term-content';

// Ids and events that term specs share; tests state only what they are about.
export const termIds = {
  participation: '0192f0aa-0000-7000-8000-00000000e001',
  monitoring: '0192f0aa-0000-7000-8000-00000000e002',
  humanRights: '0192f0aa-0000-7000-8000-00000000e003',
};
export const proposalIds = {
  first: '0192f0aa-0000-7000-8000-00000000f001',
  second: '0192f0aa-0000-7000-8000-00000000f002',
  third: '0192f0aa-0000-7000-8000-00000000f003',
};

export const content = (overrides: Partial<TermContent> = {}): TermContent => ({
  ...EMPTY_CONTENT,
  prefLabel: { en: 'Participation', nl: 'Participatie' },
  definition: { en: 'Taking part in public decisions.', nl: 'Deelnemen aan publieke beslissingen.' },
  ...overrides,
});

export const facts = (entries: Record<string, Partial<TermFacts>> = {}): GlossaryFacts =>
  new Map(
    Object.entries(entries).map(([id, f]) => [id, { status: 'adopted', prefLabel: {}, broader: [], ...f }]),
  );

export const proposed = (
  termId = termIds.participation,
  c: TermContent = content(),
  proposalId = proposalIds.first,
): GlossaryTermEvent => ({
  type: 'GlossaryTermProposed',
  data: { termId, proposalId, content: c, rationale: 'We use it everywhere' },
});

export const adopted = (
  termId = termIds.participation,
  c: TermContent = content(),
  proposalId = proposalIds.first,
  revision = 1,
): GlossaryTermEvent => ({
  type: 'GlossaryProposalAdopted',
  data: { termId, proposalId, note: 'Agreed in the working session', revision, content: c },
});
