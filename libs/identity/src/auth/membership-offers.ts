import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@rl/config';
import { CityId, CityRole } from '@rl/kernel';
import { InvitationRecord } from '../persistence/invitation.entity';
import { AccountMail } from './account-mail';
import { newSecret, sha256Hex } from './credentials';

// Tells a person that a city offers them a membership. A new account gets a one-time token (by e-mail
// only) to choose a password; an existing account gets no token: its owner accepts signed in. Either
// way the caller learns nothing, so nobody can take over or detect someone else's account.
@Injectable()
export class MembershipOffers {
  constructor(
    private readonly mail: AccountMail,
    private readonly config: AppConfig,
  ) {}

  // Inside the city's transaction; returns the e-mail to wake after commit. Earlier tokens die.
  async inviteNewAccount(
    em: EntityManager,
    cityId: CityId,
    userId: string,
    role: CityRole,
    invitedBy: string,
  ): Promise<string> {
    await em.delete(InvitationRecord, { tenantId: cityId, userId });
    const secret = newSecret();
    const expiresAt = new Date(Date.now() + this.config.auth.invitationTtlHours * 3_600_000);
    await em.insert(InvitationRecord, {
      tenantId: cityId,
      id: randomUUID(),
      userId,
      tokenHash: sha256Hex(secret),
      invitedBy,
      expiresAt,
    });
    const data = { cityName: await this.cityName(em, cityId), role, expiresAt: expiresAt.toISOString() };
    // The city id travels in the token so that accepting it can address the city's rows under RLS.
    return this.mail.record(em, userId, 'account.invitation', data, `${cityId}.${secret}`);
  }

  async tellExistingAccount(em: EntityManager, cityId: CityId, userId: string, role: CityRole) {
    return this.mail.record(em, userId, 'account.membership-offered', {
      cityName: await this.cityName(em, cityId),
      role,
    });
  }

  private async cityName(em: EntityManager, cityId: CityId): Promise<string> {
    const [city] = await em.query<{ name: string }[]>(`SELECT name FROM cities WHERE id = $1`, [cityId]);
    return city.name;
  }
}
