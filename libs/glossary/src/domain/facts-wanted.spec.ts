import { foldEvents } from '@rl/kernel';
import { factsWanted } from './facts-wanted';
import { glossaryTermDecider } from './glossary-term.decider';
import { GlossaryTermEvent } from './glossary-term.events';
import { adopted, content, proposalIds, proposed, termIds } from './testing/term-factories';

const { participation: id, monitoring, humanRights } = termIds;
const stateOf = (events: GlossaryTermEvent[]) =>
  foldEvents(glossaryTermDecider, events, glossaryTermDecider.initialState());
const revision = (proposalId: string, changes: object): GlossaryTermEvent => ({
  type: 'GlossaryRevisionProposed',
  data: { termId: id, proposalId, changes, rationale: 'Clearer' },
});

describe('the facts a glossary command is decided on', () => {
  it('a proposal: the keys of its folded labels and the terms it links', () => {
    const wanted = factsWanted(
      {
        type: 'ProposeTerm',
        termId: id,
        proposalId: proposalIds.first,
        content: content({
          prefLabel: { EN: ' Human  Rights ' },
          broader: [monitoring],
          related: [humanRights],
        }),
        rationale: '',
      },
      stateOf([]),
    );
    expect(wanted).toEqual({ labelKeys: ['en:human rights'], ids: [monitoring, humanRights] });
  });

  it('an adoption: the content of every open proposal it may adopt, none of the closed ones', () => {
    const state = stateOf([
      proposed(),
      adopted(),
      revision(proposalIds.second, { prefLabel: { en: 'Involvement' } }),
      revision(proposalIds.third, { broader: [monitoring] }),
    ]);
    const all = factsWanted({ type: 'AdoptProposal', note: '' }, state);
    expect(all.labelKeys.sort()).toEqual(['en:involvement', 'en:participation', 'nl:participatie']);
    expect(all.ids).toEqual([monitoring]);
    const named = factsWanted({ type: 'AdoptProposal', proposalId: proposalIds.second, note: '' }, state);
    expect(named).toEqual({ labelKeys: ['en:involvement'], ids: [] });
  });

  it('a deprecation: its replacement only; a stance: nothing', () => {
    const state = stateOf([proposed(), adopted()]);
    expect(factsWanted({ type: 'DeprecateTerm', note: '', replacedBy: monitoring }, state)).toEqual({
      labelKeys: [],
      ids: [monitoring],
    });
    expect(
      factsWanted(
        { type: 'TakeStance', proposalId: proposalIds.first, memberId: id, stance: 'support' },
        state,
      ),
    ).toEqual({ labelKeys: [], ids: [] });
  });
});
