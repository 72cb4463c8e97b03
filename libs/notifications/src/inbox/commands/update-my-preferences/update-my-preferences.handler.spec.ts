import { asUserId } from '@rl/kernel';
import { InMemoryNotificationPreferences } from '../../../testing/in-memory-inbox';
import { UpdateMyPreferencesCommand } from './update-my-preferences.command';
import { UpdateMyPreferencesHandler } from './update-my-preferences.handler';

const ana = asUserId('0192f0aa-0000-7000-8000-00000000a001');

describe('UpdateMyPreferencesHandler', () => {
  it('saves the whole set, the time zone under its canonical name', async () => {
    const preferences = new InMemoryNotificationPreferences();
    const handler = new UpdateMyPreferencesHandler(preferences);
    const input = { email: false, inApp: true, digest: true, timezone: 'utc' };
    const saved = { ...input, timezone: 'UTC' };
    expect(await handler.execute(new UpdateMyPreferencesCommand(ana, input))).toEqual(saved);
    expect(preferences.saved.get(ana)).toEqual(saved);
  });

  it('keeps no time zone of its own when given null (each city’s applies)', async () => {
    const handler = new UpdateMyPreferencesHandler(new InMemoryNotificationPreferences());
    const input = { email: true, inApp: true, digest: false, timezone: null };
    expect(await handler.execute(new UpdateMyPreferencesCommand(ana, input))).toEqual(input);
  });
});
