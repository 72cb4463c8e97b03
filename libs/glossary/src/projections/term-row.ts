import { ERASED, RecordedEvent } from '@rl/event-store';
import { glossaryTermDecider } from '../domain/glossary-term.decider';
import { Proposal, TermState } from '../domain/glossary-term.state';
import { GlossaryTermEvent, TermContent, TermMatch, TermStatus } from '../domain/glossary-term.events';

export interface ActorRef {
  id: string | null;
  role: string | null;
}

// A proposal as the read model keeps it: who made and decided it, and when.
export interface ProposalRecord extends Proposal {
  proposedBy: ActorRef;
  proposedAt: string;
  decidedBy: ActorRef | null;
  decidedAt: string | null;
}

// A term as it is read: the decider's state with who and when, per proposal and for the term.
export interface TermRow {
  id: string;
  status: TermStatus;
  content: TermContent;
  revision: number;
  proposals: ProposalRecord[];
  replacedBy: string | null;
  matches: TermMatch[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const actorOf = (event: RecordedEvent): ActorRef => ({
  id: event.metadata.actorId ?? null,
  role: event.metadata.actorRole ?? null,
});

const stateOf = (row: TermRow | undefined): TermState =>
  row ? { exists: true, termId: row.id, ...row } : glossaryTermDecider.initialState();

// One event folded into a row (the projection, as-of reads and the history share it).
export function evolveTermRow(row: TermRow | undefined, event: RecordedEvent<GlossaryTermEvent>): TermRow {
  const after = glossaryTermDecider.evolve(stateOf(row), event);
  if (!after.exists) throw new Error(`${event.type} before its term was proposed (${event.streamId})`);
  const at = event.recordedAt.toISOString();
  const earlier = new Map((row?.proposals ?? []).map((p) => [p.id, p]));
  const proposals = after.proposals.map((p): ProposalRecord => {
    const known = earlier.get(p.id);
    const decidedNow = p.status !== 'open' && known?.status === 'open';
    return {
      ...p,
      proposedBy: known?.proposedBy ?? actorOf(event),
      proposedAt: known?.proposedAt ?? at,
      decidedBy: decidedNow ? actorOf(event) : (known?.decidedBy ?? null),
      decidedAt: decidedNow ? at : (known?.decidedAt ?? null),
    };
  });
  const { status, content, revision, replacedBy, matches } = after;
  return {
    id: after.termId,
    status,
    content,
    revision,
    proposals,
    replacedBy,
    matches,
    version: event.version,
    createdAt: row?.createdAt ?? event.recordedAt,
    updatedAt: event.recordedAt,
  };
}

export const foldTermRow = (events: readonly RecordedEvent<GlossaryTermEvent>[]): TermRow | undefined =>
  events.reduce<TermRow | undefined>(evolveTermRow, undefined);

// After a person's erasure: their rationales and decision notes read as erased, as the log now does.
export const eraseFromRow = (row: TermRow, subjectId: string): TermRow => ({
  ...row,
  proposals: row.proposals.map((p) => ({
    ...p,
    rationale: p.proposedBy.id === subjectId ? ERASED : p.rationale,
    note: p.decidedBy?.id === subjectId && p.status !== 'superseded' ? ERASED : p.note,
  })),
});
