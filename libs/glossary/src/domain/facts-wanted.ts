import { contentAfter } from './glossary-term.decider';
import { TermContent } from './glossary-term.events';
import { TermIntent, TermState } from './glossary-term.state';
import { normaliseChanges, normaliseContent, prefLabelKeys } from './term-content';

// Which of the city's other terms a command can be decided on: those holding one of the preferred labels
// it may take (prefLabelKeys), and the terms it links to with everything above them on the adopted
// broader links (the ledger follows those). Reading only these keeps a command's cost independent of the
// size of the glossary.
export interface FactsWanted {
  labelKeys: string[];
  ids: string[];
}

const NOTHING: FactsWanted = { labelKeys: [], ids: [] };

const ofContents = (contents: readonly TermContent[], extraIds: readonly string[] = []): FactsWanted => ({
  labelKeys: [...new Set(contents.flatMap((c) => prefLabelKeys(c.prefLabel)))],
  ids: [...new Set([...contents.flatMap((c) => [...c.broader, ...c.related]), ...extraIds])],
});

export function factsWanted(intent: TermIntent, state: TermState): FactsWanted {
  switch (intent.type) {
    case 'ProposeTerm':
      return ofContents([normaliseContent(intent.content)]);
    case 'ProposeRevision':
      return state.exists ? ofContents([{ ...state.content, ...normaliseChanges(intent.changes) }]) : NOTHING;
    case 'AdoptProposal': {
      if (!state.exists) return NOTHING;
      // The proposal named, or every open one (the decider picks or refuses).
      const candidates = state.proposals.filter(
        (p) => p.status === 'open' && (intent.proposalId === undefined || p.id === intent.proposalId),
      );
      return ofContents(candidates.map((p) => contentAfter(state, p)));
    }
    case 'DeprecateTerm':
      return intent.replacedBy === undefined ? NOTHING : { labelKeys: [], ids: [intent.replacedBy] };
    case 'TakeStance':
    case 'RejectProposal':
    case 'MatchTerm':
      return NOTHING;
  }
}
