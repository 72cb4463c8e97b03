import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { proposalIds, proposed, termIds } from '../../domain/testing/term-factories';
import { InMemoryGlossaryLedger } from '../../testing/in-memory-glossary';
import { TakeStanceCommand } from './take-stance.command';
import { TakeStanceHandler } from './take-stance.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const id = termIds.participation;

describe('TakeStanceHandler', () => {
  it("records the member's stance under their own id, once per change", async () => {
    const ledger = new InMemoryGlossaryLedger().given(ghent, id, [proposed()]);
    const handler = new TakeStanceHandler(ledger);
    const take = (stance: 'support' | 'object') =>
      handler.execute(
        new TakeStanceCommand(ghent, id, proposalIds.first, stance, commandMetadata({ actorId: 'm1' })),
      );
    expect(await take('support')).toEqual({ version: 2, position: 2 });
    expect(await take('support')).toEqual({ version: 2, position: 2 });
    expect(await take('object')).toEqual({ version: 3, position: 3 });
    expect(
      ledger
        .eventsOf(ghent, id)
        .slice(1)
        .map((e) => e.data),
    ).toEqual([
      { termId: id, proposalId: proposalIds.first, memberId: 'm1', stance: 'support' },
      { termId: id, proposalId: proposalIds.first, memberId: 'm1', stance: 'object' },
    ]);
  });

  it('says which proposal is unknown', async () => {
    const handler = new TakeStanceHandler(new InMemoryGlossaryLedger().given(ghent, id, [proposed()]));
    await expect(
      handler.execute(new TakeStanceCommand(ghent, id, proposalIds.second, 'support', commandMetadata())),
    ).rejects.toMatchObject({ code: 'GLOSSARY_TERM.PROPOSAL_NOT_FOUND' });
  });
});
