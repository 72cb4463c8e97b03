import { AppConfig } from '@rl/config';
import { CredentialsCipher } from './credentials-cipher';

const cipher = (key = Buffer.alloc(32, 9)) =>
  new CredentialsCipher({
    collection: { credentialsKey: key, pullEveryMinutes: 15 },
  } as unknown as AppConfig);
const owner = {
  cityId: '0192f0aa-0000-7000-8000-0000000000c1',
  connectionId: '0192f0aa-0000-7000-8000-0000000000c9',
};

describe('credentials cipher (AES-256-GCM)', () => {
  it('round-trips credentials, and the sealed form shows nothing of them', () => {
    const credentials = { email: 'bot@example.org', password: 'odk-secret-password' };
    const sealed = cipher().seal(owner, credentials);
    expect(sealed.toString('latin1')).not.toContain('odk-secret-password');
    expect(cipher().open(owner, sealed)).toEqual(credentials);
    expect(cipher().seal(owner, credentials).equals(sealed)).toBe(false);
  });

  it("refuses another key, another connection's row and a flipped byte", () => {
    const sealed = cipher().seal(owner, { token: 'kobo-token' });
    expect(() => cipher(Buffer.alloc(32, 1)).open(owner, sealed)).toThrow();
    expect(() => cipher().open({ ...owner, connectionId: owner.cityId }, sealed)).toThrow();
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1] ^= 1;
    expect(() => cipher().open(owner, flipped)).toThrow();
  });
});
