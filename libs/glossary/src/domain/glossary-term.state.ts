import { Stance, TermChanges, TermContent, TermMatch, TermStatus } from './glossary-term.events';
import { GlossaryFacts } from './term-content';

export interface Proposal {
  id: string;
  // The term's first proposal carries its whole content; a revision only the fields it changes.
  kind: 'creation' | 'revision';
  changes: TermChanges;
  rationale: string;
  status: 'open' | 'adopted' | 'rejected' | 'superseded';
  // One stance per member, the last one they took.
  stances: Record<string, Stance>;
  // Why it was decided: the coordinator's note, or the reason it was superseded.
  note: string | null;
}

export type TermState =
  | { exists: false }
  | {
      exists: true;
      termId: string;
      status: TermStatus;
      // The adopted content (while the term is proposed: the content proposed).
      content: TermContent;
      // How many proposals were adopted.
      revision: number;
      proposals: Proposal[];
      replacedBy: string | null;
      matches: TermMatch[];
    };
export type Existing = Extract<TermState, { exists: true }>;

export type TermCommand =
  | {
      type: 'ProposeTerm';
      termId: string;
      proposalId: string;
      content: TermChanges;
      rationale: string;
      facts: GlossaryFacts;
    }
  | {
      type: 'ProposeRevision';
      proposalId: string;
      changes: TermChanges;
      rationale: string;
      facts: GlossaryFacts;
    }
  | { type: 'TakeStance'; proposalId: string; memberId: string; stance: Stance }
  | { type: 'AdoptProposal'; proposalId?: string; note: string; facts: GlossaryFacts }
  | { type: 'RejectProposal'; proposalId?: string; note: string }
  | { type: 'DeprecateTerm'; note: string; replacedBy?: string; facts: GlossaryFacts }
  | { type: 'MatchTerm'; match: TermMatch };

// A command as a handler states it; the ledger adds the facts it needs (factsWanted) once it holds the
// city's glossary lock.
export type TermIntent = TermCommand extends infer C ? (C extends unknown ? Omit<C, 'facts'> : never) : never;
export const withFacts = (intent: TermIntent, facts: GlossaryFacts): TermCommand =>
  ({ ...intent, facts }) as TermCommand;
