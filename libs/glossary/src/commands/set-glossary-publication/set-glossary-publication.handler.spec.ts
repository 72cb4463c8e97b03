import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { glossaryPublicationStream } from '../../domain/glossary-publication.decider';
import { InMemoryGlossaryLedger } from '../../testing/in-memory-glossary';
import { SetGlossaryPublicationCommand } from './set-glossary-publication.command';
import { SetGlossaryPublicationHandler } from './set-glossary-publication.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');

describe('SetGlossaryPublicationHandler', () => {
  it('publishes, records nothing when unchanged, and withdraws', async () => {
    const ledger = new InMemoryGlossaryLedger();
    const handler = new SetGlossaryPublicationHandler(ledger);
    const set = (isPublic: boolean) =>
      handler.execute(new SetGlossaryPublicationCommand(ghent, isPublic, commandMetadata()));
    expect(await set(true)).toEqual({ public: true, version: 1, position: 1 });
    expect(await set(true)).toEqual({ public: true, version: 1, position: 1 });
    expect(await set(false)).toEqual({ public: false, version: 2, position: 2 });
    expect(ledger.aggregates.eventsOf(ghent, glossaryPublicationStream(ghent)).map((e) => e.data)).toEqual([
      { public: true },
      { public: false },
    ]);
  });
});
