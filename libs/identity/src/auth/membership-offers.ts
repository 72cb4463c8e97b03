import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@rl/config';
import { CityRole } from '@rl/kernel';
import { CityTx } from '../persistence/identity.repository';
import { newSecret, sha256Hex } from './credentials';

// Tells a person that a city offers them a membership. A new account gets a one-time token (by e-mail
// only) to choose a password; an existing account gets no token: its owner accepts signed in. Either
// way the caller learns nothing, so nobody can take over or detect someone else's account.
@Injectable()
export class MembershipOffers {
  constructor(private readonly config: AppConfig) {}

  // Inside the city's transaction; returns the e-mail to wake after commit. Earlier tokens die.
  async inviteNewAccount(tx: CityTx, userId: string, role: CityRole, invitedBy: string): Promise<string> {
    const secret = newSecret();
    const expiresAt = new Date(Date.now() + this.config.auth.invitationTtlHours * 3_600_000);
    await tx.invitations.replace({
      id: randomUUID(),
      userId,
      tokenHash: sha256Hex(secret),
      invitedBy,
      expiresAt,
    });
    const data = { cityName: await tx.cityName(), role, expiresAt: expiresAt.toISOString() };
    // The city id travels in the token so that accepting it can address the city's rows under RLS.
    return tx.outbox.record(userId, 'account.invitation', data, `${tx.cityId}.${secret}`);
  }

  async tellExistingAccount(tx: CityTx, userId: string, role: CityRole): Promise<string> {
    return tx.outbox.record(userId, 'account.membership-offered', { cityName: await tx.cityName(), role });
  }
}
