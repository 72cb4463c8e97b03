import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, MoreThan } from 'typeorm';
import {
  AppendResult,
  EventMetadata,
  EventStore,
  EventTransaction,
  NewEvent,
  PersonalDataKeys,
} from '@rl/event-store';
import { CityId, CursorKey, UserId } from '@rl/kernel';
import { keysetCondition, TenantDb } from '@rl/persistence';
import { assertOrganisationInCity } from '@rl/stakeholders';
import { MemberErrors } from '../domain/identity.errors';
import { MEMBER_COLUMNS, MEMBER_NAME, MemberView } from '../member.view';
import {
  Caller,
  CityTx,
  IdentityStore,
  Invitation,
  Invitations,
  Member,
  MemberChanges,
  Members,
  PlatformTx,
} from './identity.repository';
import { InvitationRecord } from './invitation.entity';
import { MembershipRecord } from './membership.entity';
import {
  PgAccountOutbox,
  PgOwnMemberships,
  PgPasswordResets,
  PgRefreshTokens,
  PgUsers,
} from './pg-platform-tables';

@Injectable()
export class PgIdentityStore implements IdentityStore {
  constructor(
    private readonly db: TenantDb,
    private readonly events: EventStore,
    private readonly keys: PersonalDataKeys,
  ) {}

  platform<T>(work: (tx: PlatformTx) => Promise<T>): Promise<T> {
    return this.db.platform((em) => work(new PgPlatformTx(em)));
  }

  asUser<T>(userId: UserId, work: (tx: PlatformTx) => Promise<T>): Promise<T> {
    return this.db.asUser(userId, (em) => work(new PgPlatformTx(em)));
  }

  inCity<T>(cityId: CityId, work: (tx: CityTx) => Promise<T>): Promise<T> {
    return this.events.transact(cityId, (tx) => work(new PgCityTx(tx, this.keys)));
  }
}

class PgPlatformTx implements PlatformTx {
  readonly users: PgUsers;
  readonly sessions: PgRefreshTokens;
  readonly resets: PgPasswordResets;
  readonly outbox: PgAccountOutbox;
  readonly memberships: PgOwnMemberships;

  constructor(protected readonly em: EntityManager) {
    this.users = new PgUsers(em);
    this.sessions = new PgRefreshTokens(em);
    this.resets = new PgPasswordResets(em);
    this.outbox = new PgAccountOutbox(em);
    this.memberships = new PgOwnMemberships(em);
  }

  // One round trip: the user (active, operator), their login session (live, and theirs) and, on city
  // routes, the city and their active membership there (visible through the own-memberships policy).
  async caller(userId: string, sessionId: string, citySlug: string | null): Promise<Caller | null> {
    const rows = await this.em.query<Caller[]>(
      `SELECT u.id AS "userId", u.is_operator AS "isOperator", c.id AS "cityId", c.timezone, m.role,
              m.organisation_id AS "organisationId"
         FROM users u
         LEFT JOIN cities c ON c.slug = $3
         LEFT JOIN memberships m ON m.tenant_id = c.id AND m.user_id = u.id AND m.active
        WHERE u.id = $1 AND u.active
          AND EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.family_id = $2 AND t.user_id = u.id AND t.revoked_at IS NULL)`,
      [userId, sessionId, citySlug],
    );
    return rows[0] ?? null;
  }

  cities(): Promise<{ id: string; slug: string }[]> {
    return this.em.query<{ id: string; slug: string }[]>(`SELECT id, slug FROM cities ORDER BY slug`);
  }
}

class PgCityTx extends PgPlatformTx implements CityTx {
  readonly cityId: CityId;
  readonly members: PgMembers;
  readonly invitations: PgInvitations;

  constructor(
    private readonly tx: EventTransaction,
    private readonly keys: PersonalDataKeys,
  ) {
    super(tx.em);
    this.cityId = tx.cityId;
    this.members = new PgMembers(tx.em, tx.cityId);
    this.invitations = new PgInvitations(tx.em, tx.cityId);
  }

  async cityName(): Promise<string> {
    const [city] = await this.em.query<{ name: string }[]>(`SELECT name FROM cities WHERE id = $1`, [
      this.cityId,
    ]);
    return city.name;
  }

  assertOrganisation(organisationId: string | null | undefined): Promise<void> {
    return assertOrganisationInCity(this.em, organisationId, MemberErrors.UNKNOWN_ORGANISATION.code);
  }

  destroyPersonalKeys(subjectId: string): Promise<string[]> {
    return this.keys.destroy(this.em, this.cityId, subjectId);
  }

  append(streamId: string, events: NewEvent[], metadata: EventMetadata): Promise<AppendResult> {
    return this.tx.append(streamId, 'any', events, metadata);
  }
}

// Row-level security limits every statement to the transaction's city; the tenant id in the filters
// serves the primary key.
class PgMembers implements Members {
  constructor(
    private readonly em: EntityManager,
    private readonly cityId: CityId,
  ) {}

  exists(userId: string): Promise<boolean> {
    return this.em.existsBy(MembershipRecord, { tenantId: this.cityId, userId });
  }

  async insert(member: Member & { invitedName: string }): Promise<void> {
    await this.em.insert(MembershipRecord, { tenantId: this.cityId, ...member });
  }

  find(userId: string): Promise<Member | null> {
    return this.em.findOneBy(MembershipRecord, { tenantId: this.cityId, userId });
  }

  lock(userId: string, only: { pending?: true } = {}): Promise<Member | null> {
    return this.em.findOne(MembershipRecord, {
      where: { tenantId: this.cityId, userId, ...only },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async lockActiveCoordinators(): Promise<string[]> {
    const coordinators = await this.em.find(MembershipRecord, {
      where: { role: 'coordinator', active: true },
      lock: { mode: 'pessimistic_write' },
    });
    return coordinators.map((c) => c.userId);
  }

  async update(userId: string, changes: MemberChanges): Promise<void> {
    await this.em.update(MembershipRecord, { tenantId: this.cityId, userId }, changes);
  }

  async activate(userId: string): Promise<boolean> {
    const joined = await this.em.update(
      MembershipRecord,
      { tenantId: this.cityId, userId, pending: true },
      { pending: false, active: true },
    );
    return joined.affected === 1;
  }

  async remove(userId: string): Promise<void> {
    await this.em.delete(MembershipRecord, { tenantId: this.cityId, userId });
  }

  async view(userId: string): Promise<MemberView> {
    const [view] = await this.em.query<MemberView[]>(
      `SELECT ${MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.user_id = $1`,
      [userId],
    );
    return view;
  }

  page(after: CursorKey | undefined, limit: number): Promise<MemberView[]> {
    const params: unknown[] = [];
    const keyset = keysetCondition(['m.role', MEMBER_NAME, 'm.user_id::text'], after, params);
    params.push(limit + 1);
    // No tenant filter here on purpose: row-level security limits memberships to the transaction's city.
    return this.em.query<MemberView[]>(
      `SELECT ${MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE ${keyset} ORDER BY m.role, ${MEMBER_NAME}, m.user_id::text LIMIT $${params.length}`,
      params,
    );
  }
}

class PgInvitations implements Invitations {
  constructor(
    private readonly em: EntityManager,
    private readonly cityId: CityId,
  ) {}

  async replace(
    invitation: Invitation & { tokenHash: string; invitedBy: string; expiresAt: Date },
  ): Promise<void> {
    await this.removeFor(invitation.userId);
    await this.em.insert(InvitationRecord, { tenantId: this.cityId, ...invitation });
  }

  existsFor(userId: string): Promise<boolean> {
    return this.em.existsBy(InvitationRecord, { tenantId: this.cityId, userId });
  }

  async removeFor(userId: string): Promise<void> {
    await this.em.delete(InvitationRecord, { tenantId: this.cityId, userId });
  }

  lockRedeemable(tokenHash: string, now: Date): Promise<Invitation | null> {
    return this.em.findOne(InvitationRecord, {
      where: { tokenHash, acceptedAt: IsNull(), expiresAt: MoreThan(now) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async markAccepted(id: string): Promise<void> {
    await this.em.update(InvitationRecord, { tenantId: this.cityId, id }, { acceptedAt: new Date() });
  }
}
