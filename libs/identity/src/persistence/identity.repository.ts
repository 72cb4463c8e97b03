import { AppendResult, EventMetadata, NewEvent } from '@rl/event-store';
import { CityId, CityRole, CursorKey, UserId } from '@rl/kernel';
import { MembershipView } from '../auth/session.view';
import { MemberView } from '../member.view';
import { InvitationView } from '../queries/my-invitations/my-invitations.query';
import { AccountEmailData, AccountEmailKind } from './account-email.entity';

// The identity tables as handlers see them: accounts and their credentials are platform-wide, members
// and invitations belong to a city. Work runs in one transaction of the kind its method names, so that
// the locks taken by one call hold for the next; the PostgreSQL store is PgIdentityStore, an in-memory
// one for unit tests lives in ../testing.
export abstract class IdentityStore {
  // A platform transaction (no city): accounts, sessions, password resets, account e-mails.
  abstract platform<T>(work: (tx: PlatformTx) => Promise<T>): Promise<T>;
  // The same, as the user: their memberships in every city are visible (own-memberships policy).
  abstract asUser<T>(userId: UserId, work: (tx: PlatformTx) => Promise<T>): Promise<T>;
  // A city transaction: its members and invitations too, and its event log (appended last).
  abstract inCity<T>(cityId: CityId, work: (tx: CityTx) => Promise<T>): Promise<T>;
}

export interface PlatformTx {
  // Who a live session belongs to (run `asUser`); null once the session or the account has ended.
  caller(userId: string, sessionId: string, citySlug: string | null): Promise<Caller | null>;
  readonly users: Users;
  readonly sessions: RefreshTokens;
  readonly resets: PasswordResets;
  readonly outbox: AccountOutbox;
  readonly memberships: OwnMemberships;
  // Every city, by slug.
  cities(): Promise<{ id: string; slug: string }[]>;
}

export interface CityTx extends PlatformTx {
  readonly cityId: CityId;
  readonly members: Members;
  readonly invitations: Invitations;
  cityName(): Promise<string>;
  // Throws MEMBER.UNKNOWN_ORGANISATION unless the organisation (when given) is registered in the city.
  assertOrganisation(organisationId: string | null | undefined): Promise<void>;
  // Deletes the person's personal-data keys in the city (crypto-shredding); the ids deleted.
  destroyPersonalKeys(subjectId: string): Promise<string[]>;
  // Appends to a stream whatever its version; the transaction's last write.
  append(streamId: string, events: NewEvent[], metadata: EventMetadata): Promise<AppendResult>;
}

// The caller of a request: their account, and on city routes the city and their active membership there
// (null when the city is unknown or they are no active member of it).
export interface Caller {
  userId: string;
  isOperator: boolean;
  cityId: string | null;
  timezone: string | null;
  role: CityRole | null;
  organisationId: string | null;
}

export interface Account {
  id: string;
  // Lower-cased: addresses are compared case-insensitively.
  email: string;
  name: string;
  locale: string | null;
  // Null until the person chooses a password.
  passwordHash: string | null;
  isOperator: boolean;
  active: boolean;
}

export type NewAccount = Pick<Account, 'id' | 'email' | 'name' | 'passwordHash'> &
  Partial<Pick<Account, 'locale' | 'isOperator'>>;

export interface Users {
  byEmail(email: string): Promise<Account | null>;
  byId(userId: string): Promise<Account | null>;
  // Holds off other transactions creating an account for this address until this one ends.
  lockEmail(email: string): Promise<void>;
  insert(account: NewAccount): Promise<void>;
  // Inserts unless the address already has an account (which is then left as it is).
  insertUnlessTaken(account: NewAccount): Promise<void>;
  grantOperator(userId: string): Promise<void>;
  // Sets the password only while it is still `current` (null: none chosen yet); false when it was not.
  replacePassword(userId: string, current: string | null, next: string): Promise<boolean>;
  setPassword(userId: string, next: string): Promise<void>;
}

export interface RefreshToken {
  id: string;
  // The login session: every token rotated from the same login.
  familyId: string;
  userId: string;
  expiresAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
}

export type NewRefreshToken = Pick<RefreshToken, 'id' | 'familyId' | 'userId' | 'expiresAt'> & {
  tokenHash: string;
};

export interface RefreshTokens {
  byHash(tokenHash: string): Promise<RefreshToken | null>;
  byId(id: string): Promise<RefreshToken | null>;
  // Locks every token of a session (family), in one order so that concurrent lockers cannot deadlock;
  // the users owning them. Refresh and logout both hold it: a refresh that waits behind a logout or a
  // reuse detection then sees its token revoked, and one that went first has its successor revoked.
  lockFamily(familyId: string): Promise<string[]>;
  revokeFamily(familyId: string): Promise<void>;
  // Ends every session of an account: its access tokens stop working too.
  revokeAllOf(userId: string): Promise<void>;
  markRotated(id: string): Promise<void>;
  insert(token: NewRefreshToken): Promise<void>;
}

export interface PasswordReset {
  id: string;
  userId: string;
}

export interface PasswordResets {
  // The account's one live token: an earlier one dies.
  replace(reset: PasswordReset & { tokenHash: string; expiresAt: Date }): Promise<void>;
  // The unused, unexpired reset of this token, locked until the transaction ends.
  lockRedeemable(tokenHash: string, now: Date): Promise<PasswordReset | null>;
  markUsed(id: string): Promise<void>;
}

// Account e-mails are recorded in the transaction that causes them and woken after it commits
// (AccountMail); a one-time token rides along until the sender has handed the e-mail over.
export interface AccountOutbox {
  record(
    userId: string,
    kind: AccountEmailKind,
    data: AccountEmailData,
    token?: string | null,
  ): Promise<string>;
}

// A user's own memberships across cities (visible in `asUser` transactions).
export interface OwnMemberships {
  active(userId: string): Promise<MembershipView[]>;
  offered(userId: string): Promise<InvitationView[]>;
  isOffered(userId: string, cityId: CityId): Promise<boolean>;
}

export interface Member {
  userId: string;
  role: CityRole;
  organisationId: string | null;
  active: boolean;
  // Offered but not yet accepted by its owner: inactive until then.
  pending: boolean;
}

export interface MemberChanges {
  role?: CityRole;
  organisationId?: string | null;
  active?: boolean;
}

export interface Members {
  exists(userId: string): Promise<boolean>;
  // `invitedName` is the name the city gave, shown while the membership is pending.
  insert(member: Member & { invitedName: string }): Promise<void>;
  find(userId: string): Promise<Member | null>;
  // Locked until the transaction ends; `pending` only if still pending.
  lock(userId: string, only?: { pending: true }): Promise<Member | null>;
  // Locks the city's active coordinators, so that a "last coordinator" check holds against concurrent
  // changes; their ids.
  lockActiveCoordinators(): Promise<string[]>;
  update(userId: string, changes: MemberChanges): Promise<void>;
  // A pending membership becomes active; false when it was not pending.
  activate(userId: string): Promise<boolean>;
  remove(userId: string): Promise<void>;
  view(userId: string): Promise<MemberView>;
  // By role, then name, then id, after the keyset cursor; `limit` + 1 rows to tell whether more follow.
  page(after: CursorKey | undefined, limit: number): Promise<MemberView[]>;
}

export interface Invitation {
  id: string;
  userId: string;
}

export interface Invitations {
  // The member's one live invitation token: an earlier one dies.
  replace(invitation: Invitation & { tokenHash: string; invitedBy: string; expiresAt: Date }): Promise<void>;
  existsFor(userId: string): Promise<boolean>;
  removeFor(userId: string): Promise<void>;
  // The unaccepted, unexpired invitation of this token, locked until the transaction ends.
  lockRedeemable(tokenHash: string, now: Date): Promise<Invitation | null>;
  markAccepted(id: string): Promise<void>;
}
