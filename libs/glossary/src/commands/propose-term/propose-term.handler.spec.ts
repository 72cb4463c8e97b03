import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { content, proposed, termIds } from '../../domain/testing/term-factories';
import { InMemoryGlossaryLedger } from '../../testing/in-memory-glossary';
import { ProposeTermCommand } from './propose-term.command';
import { ProposeTermHandler } from './propose-term.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const padua = asCityId('0192f0aa-0000-7000-8000-0000000000c2');
const input = { prefLabel: { en: 'Participation' }, definition: { en: 'Taking part.' }, rationale: 'Needed' };

describe('ProposeTermHandler', () => {
  it('proposes a new term on a stream named by the id it returns', async () => {
    const ledger = new InMemoryGlossaryLedger();
    const view = await new ProposeTermHandler(ledger).execute(
      new ProposeTermCommand(ghent, input, commandMetadata()),
    );
    expect(view).toEqual({ id: expect.any(String), status: 'proposed', version: 1, position: 1 });
    expect(ledger.eventsOf(ghent, view.id)).toEqual([
      {
        type: 'GlossaryTermProposed',
        data: {
          termId: view.id,
          proposalId: expect.any(String),
          content: content({ prefLabel: { en: 'Participation' }, definition: { en: 'Taking part.' } }),
          rationale: 'Needed',
        },
      },
    ]);
  });

  it("refuses a preferred label another term of the city holds, but not another city's", async () => {
    const ledger = new InMemoryGlossaryLedger().given(ghent, termIds.monitoring, [
      proposed(termIds.monitoring, content({ prefLabel: { en: 'participation' } })),
    ]);
    const handler = new ProposeTermHandler(ledger);
    await expect(
      handler.execute(new ProposeTermCommand(ghent, input, commandMetadata())),
    ).rejects.toMatchObject({
      code: 'GLOSSARY_TERM.LABEL_TAKEN',
    });
    await expect(
      handler.execute(new ProposeTermCommand(padua, input, commandMetadata())),
    ).resolves.toMatchObject({
      status: 'proposed',
    });
  });

  it('answers a retry under the same idempotency key with the first term', async () => {
    const handler = new ProposeTermHandler(new InMemoryGlossaryLedger());
    const command = new ProposeTermCommand(ghent, input, commandMetadata({ idempotencyKey: 'k1' }));
    const first = await handler.execute(command);
    expect(await handler.execute(command)).toEqual(first);
  });
});
