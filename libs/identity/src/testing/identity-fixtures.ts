import { JwtService } from '@nestjs/jwt';
import { loadConfig } from '@rl/config';
import { asCityId } from '@rl/kernel';
import { AccountMail } from '../auth/account-mail';
import { PasswordHasher } from '../auth/credentials';
import { MembershipOffers } from '../auth/membership-offers';
import { SessionIssuer } from '../auth/session-issuer';
import { SessionOpener } from '../auth/session-opener';
import { InMemoryIdentityStore } from './in-memory-identity-store';

export const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
export const bruges = asCityId('0192f0aa-0000-7000-8000-0000000000c2');

// Remembers which account e-mails were woken instead of queueing them.
export class WokenMail implements AccountMail {
  readonly woken: string[] = [];

  async wake(emailIds: readonly string[]): Promise<void> {
    this.woken.push(...emailIds);
  }
}

// Handlers' collaborators around an in-memory store holding the cities Ghent and Bruges: real password
// hashing and token signing, e-mails only remembered.
export function identityKit() {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://unit-test@127.0.0.1:1/none',
    REDIS_URL: 'redis://127.0.0.1:1',
  });
  const store = new InMemoryIdentityStore().givenCity(ghent, 'ghent', 'Ghent').givenCity(bruges, 'bruges');
  const jwt = new JwtService({ secret: 'unit-test-secret' });
  const issuer = new SessionIssuer(jwt, config);
  return {
    config,
    store,
    jwt,
    issuer,
    passwords: new PasswordHasher(),
    sessions: new SessionOpener(store, issuer),
    offers: new MembershipOffers(config),
    mail: new WokenMail(),
  };
}
