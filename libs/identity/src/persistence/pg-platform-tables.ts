import { randomUUID } from 'node:crypto';
import { EntityManager, IsNull, MoreThan } from 'typeorm';
import { CityId } from '@rl/kernel';
import { MembershipView } from '../auth/session.view';
import { InvitationView } from '../queries/my-invitations/my-invitations.query';
import { AccountEmailData, AccountEmailKind, AccountEmailRecord } from './account-email.entity';
import {
  Account,
  AccountOutbox,
  NewAccount,
  NewRefreshToken,
  OwnMemberships,
  PasswordReset,
  PasswordResets,
  RefreshToken,
  RefreshTokens,
  Users,
} from './identity.repository';
import { MembershipRecord } from './membership.entity';
import { PasswordResetRecord } from './password-reset.entity';
import { RefreshTokenRecord } from './refresh-token.entity';
import { UserRecord } from './user.entity';

// The platform-wide identity tables, inside the transaction of `em`.

export class PgUsers implements Users {
  constructor(private readonly em: EntityManager) {}

  byEmail(email: string): Promise<Account | null> {
    return this.em.findOneBy(UserRecord, { email });
  }

  byId(userId: string): Promise<Account | null> {
    return this.em.findOneBy(UserRecord, { id: userId });
  }

  async lockEmail(email: string): Promise<void> {
    await this.em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`user-email:${email}`]);
  }

  async insert(account: NewAccount): Promise<void> {
    await this.em.insert(UserRecord, account);
  }

  async insertUnlessTaken(account: NewAccount): Promise<void> {
    await this.em.createQueryBuilder().insert().into(UserRecord).values(account).orIgnore().execute();
  }

  async grantOperator(userId: string): Promise<void> {
    await this.em.update(UserRecord, { id: userId }, { isOperator: true });
  }

  async replacePassword(userId: string, current: string | null, next: string): Promise<boolean> {
    const changed = await this.em.update(
      UserRecord,
      { id: userId, passwordHash: current ?? IsNull() },
      { passwordHash: next },
    );
    return changed.affected === 1;
  }

  async setPassword(userId: string, next: string): Promise<void> {
    await this.em.update(UserRecord, { id: userId }, { passwordHash: next });
  }
}

export class PgRefreshTokens implements RefreshTokens {
  constructor(private readonly em: EntityManager) {}

  byHash(tokenHash: string): Promise<RefreshToken | null> {
    return this.em.findOneBy(RefreshTokenRecord, { tokenHash });
  }

  byId(id: string): Promise<RefreshToken | null> {
    return this.em.findOneBy(RefreshTokenRecord, { id });
  }

  async lockFamily(familyId: string): Promise<string[]> {
    const rows = await this.em.query<{ user_id: string }[]>(
      `SELECT user_id FROM refresh_tokens WHERE family_id = $1 ORDER BY id FOR UPDATE`,
      [familyId],
    );
    return [...new Set(rows.map((r) => r.user_id))];
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.em.update(RefreshTokenRecord, { familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeAllOf(userId: string): Promise<void> {
    await this.em.query(`SELECT 1 FROM refresh_tokens WHERE user_id = $1 ORDER BY id FOR UPDATE`, [userId]);
    await this.em.update(RefreshTokenRecord, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async markRotated(id: string): Promise<void> {
    await this.em.update(RefreshTokenRecord, { id }, { rotatedAt: new Date() });
  }

  async insert(token: NewRefreshToken): Promise<void> {
    await this.em.insert(RefreshTokenRecord, token);
  }
}

export class PgPasswordResets implements PasswordResets {
  constructor(private readonly em: EntityManager) {}

  async replace(reset: PasswordReset & { tokenHash: string; expiresAt: Date }): Promise<void> {
    await this.em.delete(PasswordResetRecord, { userId: reset.userId });
    await this.em.insert(PasswordResetRecord, reset);
  }

  lockRedeemable(tokenHash: string, now: Date): Promise<PasswordReset | null> {
    return this.em.findOne(PasswordResetRecord, {
      where: { tokenHash, usedAt: IsNull(), expiresAt: MoreThan(now) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async markUsed(id: string): Promise<void> {
    await this.em.update(PasswordResetRecord, { id }, { usedAt: new Date() });
  }
}

export class PgAccountOutbox implements AccountOutbox {
  constructor(private readonly em: EntityManager) {}

  async record(
    userId: string,
    kind: AccountEmailKind,
    data: AccountEmailData,
    token: string | null = null,
  ): Promise<string> {
    const id = randomUUID();
    await this.em.insert(AccountEmailRecord, { id, userId, kind, data, token });
    return id;
  }
}

// Read under the own-memberships policy (app.user_id): the user's rows in every city.
export class PgOwnMemberships implements OwnMemberships {
  constructor(private readonly em: EntityManager) {}

  active(userId: string): Promise<MembershipView[]> {
    return this.em.query<MembershipView[]>(
      `SELECT c.slug AS city, c.name AS "cityName", m.role, m.organisation_id AS "organisationId"
         FROM memberships m JOIN cities c ON c.id = m.tenant_id
        WHERE m.user_id = $1 AND m.active
        ORDER BY c.slug`,
      [userId],
    );
  }

  offered(userId: string): Promise<InvitationView[]> {
    return this.em.query<InvitationView[]>(
      `SELECT m.tenant_id AS id, c.slug AS city, c.name AS "cityName", m.role,
              m.organisation_id AS "organisationId",
              to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "offeredAt"
         FROM memberships m JOIN cities c ON c.id = m.tenant_id
        WHERE m.user_id = $1 AND m.pending
        ORDER BY m.created_at`,
      [userId],
    );
  }

  isOffered(userId: string, cityId: CityId): Promise<boolean> {
    return this.em.existsBy(MembershipRecord, { tenantId: cityId, userId, pending: true });
  }
}
