import { Decider } from '@rl/kernel';
import { GlossaryTermErrors } from './glossary.errors';
import { GLOSSARY_TERM_EVENT_TYPES, GlossaryTermEvent, TermContent, TermMatch } from './glossary-term.events';
import { Existing, Proposal, TermCommand, TermState } from './glossary-term.state';
import { checkContent, normaliseChanges, normaliseContent } from './term-content';

const initialState = (): TermState => ({ exists: false });

const fold = (text: string) => text.trim().replace(/\s+/g, ' ');

function existing(state: TermState): Existing {
  if (!state.exists) throw GlossaryTermErrors.NOT_FOUND();
  return state;
}

function adopted(state: TermState): Existing {
  const term = existing(state);
  if (term.status !== 'adopted') throw GlossaryTermErrors.NOT_ADOPTED();
  return term;
}

// The open proposal a decision is about: the one named, or the only one open.
function openProposal(term: Existing, proposalId: string | undefined): Proposal {
  const open = term.proposals.filter((p) => p.status === 'open');
  if (proposalId === undefined) {
    if (open.length > 1) throw GlossaryTermErrors.PROPOSAL_REQUIRED();
    if (open.length === 0) throw GlossaryTermErrors.PROPOSAL_NOT_FOUND({ message: 'No open proposal' });
    return open[0];
  }
  const proposal = term.proposals.find((p) => p.id === proposalId);
  if (!proposal) throw GlossaryTermErrors.PROPOSAL_NOT_FOUND();
  if (proposal.status !== 'open') throw GlossaryTermErrors.PROPOSAL_CLOSED();
  return proposal;
}

export const contentAfter = (term: Existing, proposal: Pick<Proposal, 'kind' | 'changes'>): TermContent =>
  proposal.kind === 'creation'
    ? normaliseContent(proposal.changes)
    : { ...term.content, ...proposal.changes };

// The other open proposals, closed with a reason when one is adopted or the term is deprecated.
const supersede = (term: Existing, byProposalId: string | null, reason: string): GlossaryTermEvent[] =>
  term.proposals
    .filter((p) => p.status === 'open' && p.id !== byProposalId)
    .map((p) => ({
      type: 'GlossaryProposalSuperseded',
      data: { termId: term.termId, proposalId: p.id, byProposalId, reason },
    }));

function proposeRevision(
  term: Existing,
  command: Extract<TermCommand, { type: 'ProposeRevision' }>,
): GlossaryTermEvent[] {
  const changes = normaliseChanges(command.changes);
  const changed = Object.entries(changes).some(
    ([field, value]) => JSON.stringify(value) !== JSON.stringify(term.content[field as keyof TermContent]),
  );
  if (!changed) throw GlossaryTermErrors.NOTHING_TO_CHANGE();
  // Checked now for early feedback, and again on adoption (the other terms may have moved on).
  checkContent(term.termId, { ...term.content, ...changes }, command.facts);
  const { proposalId, rationale } = command;
  return [
    {
      type: 'GlossaryRevisionProposed',
      data: { termId: term.termId, proposalId, changes, rationale: fold(rationale) },
    },
  ];
}

function adopt(
  term: Existing,
  command: Extract<TermCommand, { type: 'AdoptProposal' }>,
): GlossaryTermEvent[] {
  if (term.status === 'deprecated' || term.status === 'rejected') throw GlossaryTermErrors.NOT_OPEN();
  const proposal = openProposal(term, command.proposalId);
  const content = contentAfter(term, proposal);
  checkContent(term.termId, content, command.facts);
  const { termId } = term;
  return [
    {
      type: 'GlossaryProposalAdopted',
      data: {
        termId,
        proposalId: proposal.id,
        note: fold(command.note),
        revision: term.revision + 1,
        content,
      },
    },
    ...supersede(term, proposal.id, `Superseded by the adoption of proposal ${proposal.id}`),
  ];
}

function deprecate(
  term: Existing,
  command: Extract<TermCommand, { type: 'DeprecateTerm' }>,
): GlossaryTermEvent[] {
  const { replacedBy } = command;
  if (
    replacedBy !== undefined &&
    (replacedBy === term.termId || command.facts.get(replacedBy)?.status !== 'adopted')
  )
    throw GlossaryTermErrors.INVALID_REPLACEMENT({
      errors: [{ field: 'replacedBy', message: 'is not another adopted term of this city' }],
    });
  return [
    {
      type: 'GlossaryTermDeprecated',
      data: { termId: term.termId, note: fold(command.note), replacedBy: replacedBy ?? null },
    },
    ...supersede(term, null, 'The term was deprecated'),
  ];
}

// SKOS mapping integrity: exactMatch is disjoint from broadMatch and relatedMatch on one pair.
function match(term: Existing, wanted: TermMatch): GlossaryTermEvent[] {
  const pair = term.matches.filter((m) => m.cityId === wanted.cityId && m.termId === wanted.termId);
  if (pair.some((m) => m.kind === wanted.kind)) return [];
  const clashes = wanted.kind === 'exactMatch' ? ['broadMatch', 'relatedMatch'] : ['exactMatch'];
  const clash = ['exactMatch', 'broadMatch', 'relatedMatch'].includes(wanted.kind)
    ? pair.find((m) => clashes.includes(m.kind))
    : undefined;
  if (clash)
    throw GlossaryTermErrors.MATCH_CONFLICT({
      errors: [{ field: 'kind', message: `the pair is already a ${clash.kind}` }],
    });
  return [{ type: 'GlossaryTermMatched', data: { termId: term.termId, match: wanted } }];
}

function decide(command: TermCommand, state: TermState): GlossaryTermEvent[] {
  switch (command.type) {
    case 'ProposeTerm': {
      if (state.exists) throw GlossaryTermErrors.ALREADY_EXISTS();
      const { termId, proposalId, rationale } = command;
      const content = normaliseContent(command.content);
      checkContent(termId, content, command.facts);
      return [
        { type: 'GlossaryTermProposed', data: { termId, proposalId, content, rationale: fold(rationale) } },
      ];
    }
    case 'ProposeRevision':
      return proposeRevision(adopted(state), command);
    case 'TakeStance': {
      const term = existing(state);
      const proposal = openProposal(term, command.proposalId);
      const { memberId, stance } = command;
      if (proposal.stances[memberId] === stance) return [];
      return [
        {
          type: 'GlossaryStanceTaken',
          data: { termId: term.termId, proposalId: proposal.id, memberId, stance },
        },
      ];
    }
    case 'AdoptProposal':
      return adopt(existing(state), command);
    case 'RejectProposal': {
      const term = existing(state);
      const proposal = openProposal(term, command.proposalId);
      return [
        {
          type: 'GlossaryProposalRejected',
          data: { termId: term.termId, proposalId: proposal.id, note: fold(command.note) },
        },
      ];
    }
    case 'DeprecateTerm':
      return deprecate(adopted(state), command);
    case 'MatchTerm':
      return match(adopted(state), command.match);
  }
}

const withProposal = (term: Existing, proposalId: string, change: Partial<Proposal>): Proposal[] =>
  term.proposals.map((p) => (p.id === proposalId ? { ...p, ...change } : p));

function evolve(state: TermState, event: GlossaryTermEvent): TermState {
  if (event.type === 'GlossaryTermProposed') {
    const { termId, proposalId, content, rationale } = event.data;
    return {
      exists: true,
      termId,
      status: 'proposed',
      content,
      revision: 0,
      proposals: [
        {
          id: proposalId,
          kind: 'creation',
          changes: content,
          rationale,
          status: 'open',
          stances: {},
          note: null,
        },
      ],
      replacedBy: null,
      matches: [],
    };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'GlossaryRevisionProposed': {
      const { proposalId: id, changes, rationale } = event.data;
      const proposal: Proposal = {
        id,
        kind: 'revision',
        changes,
        rationale,
        status: 'open',
        stances: {},
        note: null,
      };
      return { ...state, proposals: [...state.proposals, proposal] };
    }
    case 'GlossaryStanceTaken': {
      const { proposalId, memberId, stance } = event.data;
      const stances = { ...state.proposals.find((p) => p.id === proposalId)?.stances, [memberId]: stance };
      return { ...state, proposals: withProposal(state, proposalId, { stances }) };
    }
    case 'GlossaryProposalAdopted': {
      const { proposalId, note, revision, content } = event.data;
      const proposals = withProposal(state, proposalId, { status: 'adopted', note });
      return { ...state, status: 'adopted', content, revision, proposals };
    }
    case 'GlossaryProposalSuperseded': {
      const { proposalId, reason } = event.data;
      return { ...state, proposals: withProposal(state, proposalId, { status: 'superseded', note: reason }) };
    }
    case 'GlossaryProposalRejected': {
      const { proposalId, note } = event.data;
      const creation = state.proposals.find((p) => p.id === proposalId)?.kind === 'creation';
      const proposals = withProposal(state, proposalId, { status: 'rejected', note });
      return { ...state, status: creation ? 'rejected' : state.status, proposals };
    }
    case 'GlossaryTermDeprecated':
      return { ...state, status: 'deprecated', replacedBy: event.data.replacedBy };
    case 'GlossaryTermMatched':
      return { ...state, matches: [...state.matches, event.data.match] };
  }
}

export const glossaryTermDecider: Decider<TermState, TermCommand, GlossaryTermEvent> = {
  initialState,
  decide,
  evolve,
  eventTypes: GLOSSARY_TERM_EVENT_TYPES,
};
