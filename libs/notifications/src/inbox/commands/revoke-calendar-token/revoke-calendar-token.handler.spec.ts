import { asCityId, asUserId } from '@rl/kernel';
import { InMemoryCalendarTokens } from '../../../testing/in-memory-inbox';
import { RevokeCalendarTokenCommand } from './revoke-calendar-token.command';
import { RevokeCalendarTokenHandler } from './revoke-calendar-token.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const padua = asCityId('0192f0aa-0000-7000-8000-0000000000c2');
const ana = asUserId('0192f0aa-0000-7000-8000-00000000a001');

describe('RevokeCalendarTokenHandler', () => {
  it('ends the caller’s link in this city only, and succeeds when there is none', async () => {
    const tokens = new InMemoryCalendarTokens();
    await tokens.replace(ghent, ana, 'a'.repeat(64));
    await tokens.replace(padua, ana, 'b'.repeat(64));
    const handler = new RevokeCalendarTokenHandler(tokens);
    await handler.execute(new RevokeCalendarTokenCommand(ghent, ana));
    await handler.execute(new RevokeCalendarTokenCommand(ghent, ana));
    expect([...tokens.hashes.keys()]).toEqual([InMemoryCalendarTokens.key(padua, ana)]);
  });
});
