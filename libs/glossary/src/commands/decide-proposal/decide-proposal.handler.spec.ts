import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { glossaryTermDecider } from '../../domain/glossary-term.decider';
import { GlossaryTermEvent, glossaryTermStream } from '../../domain/glossary-term.events';
import { adopted, proposalIds, proposed, termIds } from '../../domain/testing/term-factories';
import { InMemoryGlossaryLedger } from '../../testing/in-memory-glossary';
import { DecideProposalCommand } from './decide-proposal.command';
import { DecideProposalHandler } from './decide-proposal.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const id = termIds.participation;
const { first, second, third } = proposalIds;
const revision = (proposalId: string): GlossaryTermEvent => ({
  type: 'GlossaryRevisionProposed',
  data: { termId: id, proposalId, changes: { scopeNote: { en: proposalId } }, rationale: 'r' },
});

const setUp = (events: GlossaryTermEvent[]) => {
  const ledger = new InMemoryGlossaryLedger().given(ghent, id, events);
  return { ledger, handler: new DecideProposalHandler(ledger, ledger.aggregates) };
};
const decide = (decision: 'adopt' | 'reject', version: number, proposalId?: string) =>
  new DecideProposalCommand(ghent, id, decision, version, { proposalId, note: 'Agreed' }, commandMetadata());

describe('DecideProposalHandler', () => {
  it('adopts the only open proposal without naming it', async () => {
    const { ledger, handler } = setUp([proposed()]);
    expect(await handler.execute(decide('adopt', 1))).toEqual({ proposalId: first, version: 2, position: 2 });
    expect(ledger.eventsOf(ghent, id)[1]).toMatchObject({
      type: 'GlossaryProposalAdopted',
      data: { proposalId: first, note: 'Agreed', revision: 1 },
    });
  });

  it('answers a retry without a proposal id with the proposal the first attempt adopted', async () => {
    const { handler } = setUp([proposed()]);
    const command = new DecideProposalCommand(
      ghent,
      id,
      'adopt',
      1,
      { note: 'Agreed' },
      commandMetadata({ idempotencyKey: 'k1' }),
    );
    const first = await handler.execute(command);
    expect(await handler.execute(command)).toEqual(first);
    expect(first.proposalId).toBe(proposalIds.first);
  });

  it('adopts a named revision and supersedes the other open one', async () => {
    const { ledger, handler } = setUp([proposed(), adopted(), revision(second), revision(third)]);
    await handler.execute(decide('adopt', 4, third));
    expect(
      ledger
        .eventsOf(ghent, id)
        .slice(4)
        .map((e) => e.type),
    ).toEqual(['GlossaryProposalAdopted', 'GlossaryProposalSuperseded']);
  });

  it('asks for the proposal when several are open, and refuses a stale If-Match', async () => {
    const { handler } = setUp([proposed(), adopted(), revision(second), revision(third)]);
    await expect(handler.execute(decide('reject', 4))).rejects.toMatchObject({
      code: 'GLOSSARY_TERM.PROPOSAL_REQUIRED',
    });
    await expect(handler.execute(decide('reject', 3, second))).rejects.toMatchObject({
      code: 'GLOSSARY_TERM.VERSION_CONFLICT',
      details: { currentVersion: 4 },
    });
  });

  it('rejects a proposed term: it is kept, as rejected', async () => {
    const { ledger, handler } = setUp([proposed()]);
    await handler.execute(decide('reject', 1));
    const { state } = await ledger.aggregates.load(ghent, glossaryTermDecider, glossaryTermStream(id));
    expect(state).toMatchObject({ status: 'rejected' });
  });
});
