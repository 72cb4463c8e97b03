import { DeciderSpecification } from '@rl/kernel/testing';
import { glossaryTermDecider } from './glossary-term.decider';
import { GlossaryTermEvent } from './glossary-term.events';
import { adopted, content, facts, proposalIds, proposed, termIds } from './testing/term-factories';

const spec = DeciderSpecification.for(glossaryTermDecider);
const { participation: id, monitoring, humanRights } = termIds;
const { first, second, third } = proposalIds;
const revision = (proposalId: string, changes: object): GlossaryTermEvent => ({
  type: 'GlossaryRevisionProposed',
  data: { termId: id, proposalId, changes, rationale: 'Clearer' },
});
const propose = (overrides: object = {}, known = facts()) => ({
  type: 'ProposeTerm' as const,
  termId: id,
  proposalId: first,
  content: content(overrides),
  rationale: ' We use  it everywhere ',
  facts: known,
});

describe('glossary term decider: proposing', () => {
  it('proposes a term with its labels folded', () => {
    spec
      .given([])
      .when(propose({ prefLabel: { en: ' Participation ', nl: 'Participatie' } }))
      .then([proposed()]);
  });

  it('refuses a preferred label another term of the city holds in that language, whatever its case', () => {
    spec
      .given([])
      .when(propose({}, facts({ [monitoring]: { status: 'proposed', prefLabel: { nl: 'participatie' } } })))
      .thenThrows('GLOSSARY_TERM.LABEL_TAKEN', (e) =>
        expect(e.details).toEqual({ lang: 'nl', label: 'Participatie', termId: monitoring }),
      );
  });

  it('lets a rejected term give its label up, and another language share it', () => {
    const known = facts({
      [monitoring]: { status: 'rejected', prefLabel: { nl: 'Participatie' } },
      [humanRights]: { prefLabel: { fr: 'Participation' } },
    });
    spec.given([]).when(propose({}, known)).then([proposed()]);
  });

  it('reads language tags whatever their case: EN and en are one language', () => {
    spec
      .given([])
      .when(
        propose({
          prefLabel: { EN: 'Participation', nl: 'Participatie' },
          altLabels: { en: ['PARTICIPATION'] },
        }),
      )
      .thenThrows('GLOSSARY_TERM.LABELS_OVERLAP');
  });

  it('refuses a label that is both preferred and alternative in one language', () => {
    spec
      .given([])
      .when(propose({ altLabels: { en: ['participation', 'Involvement'] } }))
      .thenThrows('GLOSSARY_TERM.LABELS_OVERLAP', (e) => expect(e.errors[0].field).toBe('altLabels.en'));
  });

  it('refuses an alternative label that is also hidden', () => {
    spec
      .given([])
      .when(propose({ altLabels: { en: ['Involvement'] }, hiddenLabels: { en: ['involvement'] } }))
      .thenThrows('GLOSSARY_TERM.LABELS_OVERLAP');
  });

  it('refuses a term without a definition, a bad language tag, or links to unknown terms', () => {
    spec
      .given([])
      .when(propose({ definition: {} }))
      .thenThrows('GLOSSARY_TERM.INCOMPLETE');
    spec
      .given([])
      .when(propose({ prefLabel: { 'not a tag': 'x' } }))
      .thenThrows('GLOSSARY_TERM.INVALID_LANGUAGE');
    spec
      .given([])
      .when(propose({ broader: [monitoring] }))
      .thenThrows('GLOSSARY_TERM.UNKNOWN_TERM');
  });

  it('refuses the same term as broader and related', () => {
    spec
      .given([])
      .when(propose({ broader: [monitoring], related: [monitoring] }, facts({ [monitoring]: {} })))
      .thenThrows('GLOSSARY_TERM.BROADER_AND_RELATED');
  });

  it('refuses to propose the same term twice', () => {
    spec.given([proposed()]).when(propose()).thenThrows('GLOSSARY_TERM.ALREADY_EXISTS');
  });
});

describe('glossary term decider: revisions and stances', () => {
  const revise = (changes: object, known = facts(), proposalId = second) => ({
    type: 'ProposeRevision' as const,
    proposalId,
    changes,
    rationale: 'Clearer',
    facts: known,
  });

  it('proposes a revision of an adopted term', () => {
    spec
      .given([proposed(), adopted()])
      .when(revise({ definition: { en: 'Having a say.' } }))
      .then([revision(second, { definition: { en: 'Having a say.' } })]);
  });

  it('refuses a revision of a term not adopted yet, and one that changes nothing', () => {
    spec
      .given([proposed()])
      .when(revise({ scopeNote: { en: 'x' } }))
      .thenThrows('GLOSSARY_TERM.NOT_ADOPTED');
    spec
      .given([proposed(), adopted()])
      .when(revise({ prefLabel: { en: 'Participation', nl: 'Participatie' } }))
      .thenThrows('GLOSSARY_TERM.NOTHING_TO_CHANGE');
  });

  it('refuses a broader link that would close a cycle', () => {
    // monitoring is already narrower than participation: participation cannot become narrower than it.
    const known = facts({ [monitoring]: { broader: [humanRights] }, [humanRights]: { broader: [id] } });
    spec
      .given([proposed(), adopted()])
      .when(revise({ broader: [monitoring] }, known))
      .thenThrows('GLOSSARY_TERM.CYCLE');
  });

  it('records one stance per member, changeable, and nothing when it does not change', () => {
    const support: GlossaryTermEvent = {
      type: 'GlossaryStanceTaken',
      data: { termId: id, proposalId: first, memberId: 'm1', stance: 'support' },
    };
    const take = (stance: 'support' | 'object') => ({
      type: 'TakeStance' as const,
      proposalId: first,
      memberId: 'm1',
      stance,
    });
    spec.given([proposed()]).when(take('support')).then([support]);
    spec.given([proposed(), support]).when(take('support')).thenNothingHappens();
    spec
      .given([proposed(), support])
      .when(take('object'))
      .then([{ ...support, data: { ...support.data, stance: 'object' } }] as GlossaryTermEvent[]);
    expect(spec.given([proposed(), support]).state()).toMatchObject({
      proposals: [{ stances: { m1: 'support' } }],
    });
  });

  it('refuses a stance on a decided proposal', () => {
    spec
      .given([proposed(), adopted()])
      .when({ type: 'TakeStance', proposalId: first, memberId: 'm1', stance: 'object' })
      .thenThrows('GLOSSARY_TERM.PROPOSAL_CLOSED');
  });
});

describe('glossary term decider: decisions', () => {
  const adopt = (proposalId?: string, known = facts()) => ({
    type: 'AdoptProposal' as const,
    proposalId,
    note: 'Agreed in the working session',
    facts: known,
  });
  const twoOpen = [
    proposed(),
    adopted(),
    revision(second, { definition: { en: 'Having a say.' } }),
    revision(third, { scopeNote: { en: 'Not only voting.' } }),
  ];

  it('adopts the only open proposal: the term becomes adopted at revision 1', () => {
    spec.given([proposed()]).when(adopt()).then([adopted()]);
    expect(spec.given([proposed(), adopted()]).state()).toMatchObject({ status: 'adopted', revision: 1 });
  });

  it('asks which proposal when several are open', () => {
    spec.given(twoOpen).when(adopt()).thenThrows('GLOSSARY_TERM.PROPOSAL_REQUIRED');
  });

  it('adopting one revision supersedes the other open ones with a reason', () => {
    const after = content({ definition: { en: 'Having a say.' } });
    spec
      .given(twoOpen)
      .when(adopt(second))
      .then([
        adopted(id, after, second, 2),
        {
          type: 'GlossaryProposalSuperseded',
          data: {
            termId: id,
            proposalId: third,
            byProposalId: second,
            reason: `Superseded by the adoption of proposal ${second}`,
          },
        },
      ]);
  });

  it('re-checks the labels at adoption: another term may have taken one since', () => {
    const known = facts({ [monitoring]: { prefLabel: { en: 'participation' } } });
    spec.given([proposed()]).when(adopt(first, known)).thenThrows('GLOSSARY_TERM.LABEL_TAKEN');
  });

  it('rejecting the first proposal rejects the term; rejecting a revision keeps it adopted', () => {
    const reject = (proposalId?: string) => ({ type: 'RejectProposal' as const, proposalId, note: 'No' });
    const rejectedFirst: GlossaryTermEvent = {
      type: 'GlossaryProposalRejected',
      data: { termId: id, proposalId: first, note: 'No' },
    };
    spec.given([proposed()]).when(reject()).then([rejectedFirst]);
    expect(spec.given([proposed(), rejectedFirst]).state()).toMatchObject({ status: 'rejected' });
    const rejectedRevision: GlossaryTermEvent = {
      type: 'GlossaryProposalRejected',
      data: { termId: id, proposalId: second, note: 'No' },
    };
    expect(spec.given([...twoOpen, rejectedRevision]).state()).toMatchObject({ status: 'adopted' });
    spec.given(twoOpen).when(reject('unknown')).thenThrows('GLOSSARY_TERM.PROPOSAL_NOT_FOUND');
  });

  it('deprecates an adopted term with its replacement, closing its open proposals', () => {
    const deprecate = (replacedBy?: string, known = facts({ [monitoring]: {} })) => ({
      type: 'DeprecateTerm' as const,
      note: 'Merged',
      replacedBy,
      facts: known,
    });
    spec
      .given(twoOpen.slice(0, 3))
      .when(deprecate(monitoring))
      .then([
        { type: 'GlossaryTermDeprecated', data: { termId: id, note: 'Merged', replacedBy: monitoring } },
        {
          type: 'GlossaryProposalSuperseded',
          data: { termId: id, proposalId: second, byProposalId: null, reason: 'The term was deprecated' },
        },
      ]);
    spec.given([proposed()]).when(deprecate()).thenThrows('GLOSSARY_TERM.NOT_ADOPTED');
    spec.given(twoOpen).when(deprecate(id)).thenThrows('GLOSSARY_TERM.INVALID_REPLACEMENT');
    spec
      .given(twoOpen)
      .when(deprecate(monitoring, facts({ [monitoring]: { status: 'proposed' } })))
      .thenThrows('GLOSSARY_TERM.INVALID_REPLACEMENT');
  });

  it('an unknown term is not found', () => {
    spec.given([]).when(adopt()).thenThrows('GLOSSARY_TERM.NOT_FOUND');
  });
});

describe('glossary term decider: matches across cities', () => {
  const padua = '0192f0aa-0000-7000-8000-0000000000c2';
  const theirs = '0192f0aa-0000-7000-8000-00000000d001';
  const match = (kind: 'exactMatch' | 'closeMatch' | 'broadMatch' | 'relatedMatch' | 'narrowMatch') => ({
    type: 'MatchTerm' as const,
    match: { cityId: padua, termId: theirs, kind },
  });
  const matched = (kind: string): GlossaryTermEvent =>
    ({
      type: 'GlossaryTermMatched',
      data: { termId: id, match: { cityId: padua, termId: theirs, kind } },
    }) as GlossaryTermEvent;

  it('maps an adopted term to another city term, once per kind', () => {
    spec
      .given([proposed(), adopted()])
      .when(match('exactMatch'))
      .then([matched('exactMatch')]);
    spec
      .given([proposed(), adopted(), matched('exactMatch')])
      .when(match('exactMatch'))
      .thenNothingHappens();
    spec.given([proposed()]).when(match('closeMatch')).thenThrows('GLOSSARY_TERM.NOT_ADOPTED');
  });

  it('never puts exactMatch together with broadMatch or relatedMatch on one pair', () => {
    const base = [proposed(), adopted()];
    spec
      .given([...base, matched('exactMatch')])
      .when(match('broadMatch'))
      .thenThrows('GLOSSARY_TERM.MATCH_CONFLICT');
    spec
      .given([...base, matched('relatedMatch')])
      .when(match('exactMatch'))
      .thenThrows('GLOSSARY_TERM.MATCH_CONFLICT');
    spec
      .given([...base, matched('exactMatch')])
      .when(match('closeMatch'))
      .then([matched('closeMatch')]);
  });
});
