import { loadConfig } from '@rl/config';
import { asCityId, asUserId } from '@rl/kernel';
import { InMemoryCalendarTokens } from '../../../testing/in-memory-inbox';
import { calendarTokenHash } from '../../calendar-token';
import { IssueCalendarTokenCommand } from './issue-calendar-token.command';
import { IssueCalendarTokenHandler } from './issue-calendar-token.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const ana = asUserId('0192f0aa-0000-7000-8000-00000000a001');
const config = loadConfig({ PUBLIC_URL: 'https://api.example.org/' });

describe('IssueCalendarTokenHandler', () => {
  it('answers a secret link and stores only its hash, replacing the previous link', async () => {
    const tokens = new InMemoryCalendarTokens();
    const handler = new IssueCalendarTokenHandler(tokens, config);
    const issue = () => handler.execute(new IssueCalendarTokenCommand(ghent, 'ghent', ana));
    const first = await issue();
    const { url } = await issue();
    expect(url).toMatch(/^https:\/\/api\.example\.org\/v1\/cities\/ghent\/calendar\.ics\?token=[\w-]{43}$/);
    expect(url).not.toBe(first.url);
    const token = new URL(url).searchParams.get('token') ?? '';
    expect([...tokens.hashes.values()]).toEqual([calendarTokenHash(token)]);
  });
});
