import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { adopted, proposed, termIds } from '../../domain/testing/term-factories';
import { InMemoryGlossaryLedger } from '../../testing/in-memory-glossary';
import { ProposeRevisionCommand } from './propose-revision.command';
import { ProposeRevisionHandler } from './propose-revision.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const id = termIds.participation;

const setUp = (events = [proposed(), adopted()]) => {
  const ledger = new InMemoryGlossaryLedger().given(ghent, id, events);
  return { ledger, handler: new ProposeRevisionHandler(ledger, ledger.aggregates) };
};
const revise = (changes: object, key?: string) =>
  new ProposeRevisionCommand(
    ghent,
    id,
    { changes, rationale: 'Clearer' },
    commandMetadata({ idempotencyKey: key }),
  );

describe('ProposeRevisionHandler', () => {
  it('records the revision and answers with its proposal id', async () => {
    const { ledger, handler } = setUp();
    const view = await handler.execute(revise({ scopeNote: { en: 'Not only voting.' } }));
    expect(view).toEqual({ proposalId: expect.any(String), version: 3, position: 3 });
    expect(ledger.eventsOf(ghent, id)[2]).toEqual({
      type: 'GlossaryRevisionProposed',
      data: {
        termId: id,
        proposalId: view.proposalId,
        changes: { scopeNote: { en: 'Not only voting.' } },
        rationale: 'Clearer',
      },
    });
  });

  it('answers a retry with the first proposal', async () => {
    const { handler } = setUp();
    const first = await handler.execute(revise({ scopeNote: { en: 'x' } }, 'k1'));
    expect(await handler.execute(revise({ scopeNote: { en: 'x' } }, 'k1'))).toEqual(first);
  });

  it('refuses a revision of a term still proposed, and of an unknown term', async () => {
    await expect(
      setUp([proposed()]).handler.execute(revise({ scopeNote: { en: 'x' } })),
    ).rejects.toMatchObject({
      code: 'GLOSSARY_TERM.NOT_ADOPTED',
    });
    await expect(setUp([]).handler.execute(revise({ scopeNote: { en: 'x' } }))).rejects.toMatchObject({
      code: 'GLOSSARY_TERM.NOT_FOUND',
    });
  });
});
