import { newPushToken, pushTokenCity, pushTokenHash } from './push-token';

const cityId = '0192f0aa-0000-7000-8000-0000000000c1';

describe('push tokens', () => {
  it('name their city, differ every time and are stored only as a SHA-256', () => {
    const token = newPushToken(cityId);
    expect(token).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(pushTokenCity(token)).toBe(cityId);
    expect(newPushToken(cityId)).not.toBe(token);
    expect(pushTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('are no token when malformed', () => {
    expect(pushTokenCity('short')).toBeNull();
    expect(pushTokenCity(`${'a'.repeat(63)}!`)).toBeNull();
  });
});
