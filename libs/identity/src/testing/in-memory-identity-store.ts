import { randomUUID } from 'node:crypto';
import { AppendResult, EventMetadata, NewEvent } from '@rl/event-store';
import { CityId, CityRole, UserId } from '@rl/kernel';
import { MemberErrors } from '../domain/identity.errors';
import {
  Account,
  Caller,
  CityTx,
  IdentityStore,
  Member,
  NewAccount,
  NewRefreshToken,
  PlatformTx,
  RefreshToken,
} from '../persistence/identity.repository';
import { AccountEmailData, AccountEmailKind } from '../persistence/account-email.entity';
import { InMemoryCityTables } from './in-memory-city-tables';
import { emptyTables, IdentityTables, StoredInvitation, StoredMember } from './identity-tables';

// The IdentityStore in memory, for handler unit tests. Locks are no-ops (one test, one caller); `inCity`
// filters on the city, `asUser` sees every user's rows (row-level security is proved by the e2e suites
// and test/isolation, not here).
export class InMemoryIdentityStore implements IdentityStore {
  tables = emptyTables();

  platform<T>(work: (tx: PlatformTx) => Promise<T>): Promise<T> {
    return this.transaction(() => work(new InMemoryPlatformTx(this.tables)));
  }

  asUser<T>(_userId: UserId, work: (tx: PlatformTx) => Promise<T>): Promise<T> {
    return this.platform(work);
  }

  inCity<T>(cityId: CityId, work: (tx: CityTx) => Promise<T>): Promise<T> {
    return this.transaction(() => work(new InMemoryCityTx(this.tables, cityId)));
  }

  // Seeds an account; the defaults are an active person without a password.
  givenAccount(account: Partial<Account> & Pick<Account, 'email'>): Account {
    const stored = {
      id: randomUUID(),
      name: 'Someone',
      locale: null,
      passwordHash: null,
      isOperator: false,
      active: true,
      ...account,
    };
    this.tables.accounts.push(stored);
    return stored;
  }

  givenCity(id: CityId, slug: string, name = slug): this {
    this.tables.cities.push({ id, slug, name, timezone: 'Europe/Brussels' });
    return this;
  }

  givenMember(cityId: CityId, member: Member, invitedName: string | null = null): this {
    this.tables.members.push({ ...member, cityId, invitedName, createdAt: new Date() });
    return this;
  }

  // A pending membership the city offered, with the invitation token it sent (unless `invitation` is null).
  givenOffer(
    cityId: CityId,
    userId: string,
    role: CityRole,
    invitation: Partial<StoredInvitation> | null = {},
  ): this {
    this.givenMember(cityId, { userId, role, organisationId: null, active: false, pending: true });
    if (invitation === null) return this;
    this.tables.invitations.push({
      cityId,
      id: randomUUID(),
      userId,
      tokenHash: 'hash-of-the-token',
      invitedBy: 'a coordinator',
      expiresAt: new Date(Date.now() + 3_600_000),
      acceptedAt: null,
      ...invitation,
    });
    return this;
  }

  account(userId: string): Account | undefined {
    return this.tables.accounts.find((a) => a.id === userId);
  }

  member(cityId: CityId, userId: string): StoredMember | undefined {
    return this.tables.members.find((m) => m.cityId === cityId && m.userId === userId);
  }

  // The events appended to a stream, in order.
  eventsOf(cityId: CityId, streamId: string): NewEvent[] {
    return this.tables.appended
      .filter((a) => a.cityId === cityId && a.streamId === streamId)
      .flatMap((a) => a.events);
  }

  private async transaction<T>(work: () => Promise<T>): Promise<T> {
    const before = structuredClone(this.tables);
    try {
      return await work();
    } catch (error) {
      this.tables = before;
      throw error;
    }
  }
}

class InMemoryPlatformTx implements PlatformTx {
  constructor(protected readonly t: IdentityTables) {}

  readonly users = {
    byEmail: async (email: string) => this.t.accounts.find((a) => a.email === email) ?? null,
    byId: async (userId: string) => this.t.accounts.find((a) => a.id === userId) ?? null,
    lockEmail: async () => {},
    insert: async (account: NewAccount) => {
      if (this.t.accounts.some((a) => a.email === account.email)) throw new Error('uq_users_email');
      this.t.accounts.push({ locale: null, isOperator: false, active: true, ...account });
    },
    insertUnlessTaken: async (account: NewAccount) => {
      if (!this.t.accounts.some((a) => a.email === account.email)) await this.users.insert(account);
    },
    grantOperator: async (userId: string) => this.updateAccount(userId, { isOperator: true }),
    replacePassword: async (userId: string, current: string | null, next: string) => {
      const account = this.t.accounts.find((a) => a.id === userId && a.passwordHash === current);
      if (account) account.passwordHash = next;
      return account !== undefined;
    },
    setPassword: async (userId: string, next: string) => this.updateAccount(userId, { passwordHash: next }),
  };

  readonly sessions = {
    byHash: async (tokenHash: string) => this.t.tokens.find((t) => t.tokenHash === tokenHash) ?? null,
    byId: async (id: string) => this.t.tokens.find((t) => t.id === id) ?? null,
    lockFamily: async (familyId: string) => [
      ...new Set(this.t.tokens.filter((t) => t.familyId === familyId).map((t) => t.userId)),
    ],
    revokeFamily: async (familyId: string) => this.revokeWhere((t) => t.familyId === familyId),
    revokeAllOf: async (userId: string) => this.revokeWhere((t) => t.userId === userId),
    markRotated: async (id: string) => {
      for (const t of this.t.tokens) if (t.id === id) t.rotatedAt = new Date();
    },
    insert: async (token: NewRefreshToken) => {
      this.t.tokens.push({ ...token, rotatedAt: null, revokedAt: null });
    },
  };

  readonly resets = {
    replace: async (reset: { id: string; userId: string; tokenHash: string; expiresAt: Date }) => {
      this.t.resets = this.t.resets.filter((r) => r.userId !== reset.userId);
      this.t.resets.push({ ...reset, usedAt: null });
    },
    lockRedeemable: async (tokenHash: string, now: Date) =>
      this.t.resets.find((r) => r.tokenHash === tokenHash && r.usedAt === null && r.expiresAt > now) ?? null,
    markUsed: async (id: string) => {
      for (const r of this.t.resets) if (r.id === id) r.usedAt = new Date();
    },
  };

  readonly outbox = {
    record: async (
      userId: string,
      kind: AccountEmailKind,
      data: AccountEmailData,
      token: string | null = null,
    ) => {
      const id = randomUUID();
      this.t.emails.push({ id, userId, kind, data, token });
      return id;
    },
  };

  readonly memberships = {
    active: async (userId: string) =>
      this.ownMemberships(userId, (m) => m.active)
        .map(({ city, member }) => ({
          city: city.slug,
          cityName: city.name,
          role: member.role,
          organisationId: member.organisationId,
        }))
        .sort((a, b) => a.city.localeCompare(b.city)),
    offered: async (userId: string) =>
      this.ownMemberships(userId, (m) => m.pending).map(({ city, member }) => ({
        id: city.id,
        city: city.slug,
        cityName: city.name,
        role: member.role,
        organisationId: member.organisationId,
        offeredAt: member.createdAt.toISOString(),
      })),
    isOffered: async (userId: string, cityId: CityId) =>
      this.t.members.some((m) => m.cityId === cityId && m.userId === userId && m.pending),
  };

  async caller(userId: string, sessionId: string, citySlug: string | null): Promise<Caller | null> {
    const user = this.t.accounts.find((a) => a.id === userId && a.active);
    const live = this.t.tokens.some(
      (t) => t.familyId === sessionId && t.userId === userId && t.revokedAt === null,
    );
    if (!user || !live) return null;
    const city = this.t.cities.find((c) => c.slug === citySlug);
    const member = this.t.members.find((m) => m.cityId === city?.id && m.userId === userId && m.active);
    return {
      userId,
      isOperator: user.isOperator,
      cityId: city?.id ?? null,
      timezone: city?.timezone ?? null,
      role: member?.role ?? null,
      organisationId: member?.organisationId ?? null,
    };
  }

  async cities(): Promise<{ id: string; slug: string }[]> {
    return [...this.t.cities].sort((a, b) => a.slug.localeCompare(b.slug));
  }

  private updateAccount(userId: string, changes: Partial<Account>): void {
    for (const a of this.t.accounts) if (a.id === userId) Object.assign(a, changes);
  }

  private revokeWhere(matches: (token: RefreshToken) => boolean): void {
    for (const t of this.t.tokens) if (matches(t) && t.revokedAt === null) t.revokedAt = new Date();
  }

  private ownMemberships(userId: string, keep: (member: StoredMember) => boolean) {
    return this.t.members
      .filter((m) => m.userId === userId && keep(m))
      .flatMap((member) => {
        const city = this.t.cities.find((c) => c.id === member.cityId);
        return city ? [{ city, member }] : [];
      });
  }
}

class InMemoryCityTx extends InMemoryPlatformTx implements CityTx {
  readonly members;
  readonly invitations;

  constructor(
    t: IdentityTables,
    readonly cityId: CityId,
  ) {
    super(t);
    const city = new InMemoryCityTables(t, cityId);
    this.members = city.members;
    this.invitations = city.invitations;
  }

  async cityName(): Promise<string> {
    const city = this.t.cities.find((c) => c.id === this.cityId);
    if (!city) throw new Error(`No city ${this.cityId}`);
    return city.name;
  }

  async assertOrganisation(organisationId: string | null | undefined): Promise<void> {
    if (organisationId === null || organisationId === undefined) return;
    if (!this.t.organisations.some((o) => o.cityId === this.cityId && o.id === organisationId))
      throw MemberErrors.UNKNOWN_ORGANISATION();
  }

  async destroyPersonalKeys(subjectId: string): Promise<string[]> {
    const mine = (k: { cityId: CityId; subjectId: string }) =>
      k.cityId === this.cityId && k.subjectId === subjectId;
    const keyIds = this.t.personalKeys.filter(mine).map((k) => k.keyId);
    this.t.personalKeys = this.t.personalKeys.filter((k) => !mine(k));
    return keyIds;
  }

  async append(streamId: string, events: NewEvent[], metadata: EventMetadata): Promise<AppendResult> {
    this.t.appended.push({ cityId: this.cityId, streamId, events, metadata });
    const inCity = this.t.appended.filter((a) => a.cityId === this.cityId).flatMap((a) => a.events);
    const inStream = this.t.appended.filter((a) => a.cityId === this.cityId && a.streamId === streamId);
    return { streamId, version: inStream.flatMap((a) => a.events).length, position: inCity.length };
  }
}
