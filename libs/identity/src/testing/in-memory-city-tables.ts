import { CityId, CursorKey } from '@rl/kernel';
import { MemberView } from '../member.view';
import { Invitations, Member, MemberChanges, Members } from '../persistence/identity.repository';
import { IdentityTables, StoredMember } from './identity-tables';

// A city's members and invitations in memory, as row-level security shows them: only the city's.
export class InMemoryCityTables {
  constructor(
    private readonly t: IdentityTables,
    private readonly cityId: CityId,
  ) {}

  readonly members: Members = {
    exists: async (userId) => this.member(userId) !== undefined,
    insert: async (member) => {
      if (this.member(member.userId)) throw new Error('pk_memberships');
      this.t.members.push({ ...member, cityId: this.cityId, createdAt: new Date() });
    },
    find: async (userId) => this.snapshot(this.member(userId)),
    lock: async (userId, only) => {
      const member = this.member(userId);
      return only?.pending && !member?.pending ? null : this.snapshot(member);
    },
    lockActiveCoordinators: async () =>
      this.cityMembers()
        .filter((m) => m.role === 'coordinator' && m.active)
        .map((m) => m.userId),
    update: async (userId, changes: MemberChanges) => {
      const member = this.member(userId);
      if (!member) return;
      for (const [key, value] of Object.entries(changes))
        if (value !== undefined) Object.assign(member, { [key]: value });
    },
    activate: async (userId) => {
      const member = this.member(userId);
      if (!member?.pending) return false;
      Object.assign(member, { pending: false, active: true });
      return true;
    },
    remove: async (userId) => {
      this.t.members = this.t.members.filter((m) => m.cityId !== this.cityId || m.userId !== userId);
    },
    view: async (userId) => {
      const member = this.member(userId);
      if (!member) throw new Error(`No member ${userId}`);
      return this.view(member);
    },
    page: async (after: CursorKey | undefined, limit: number) => {
      const key = (v: MemberView) => [v.role, v.name, v.userId].join('\u0000');
      const from = after === undefined ? '' : after.map(String).join('\u0000');
      return this.cityMembers()
        .map((m) => this.view(m))
        .sort((a, b) => key(a).localeCompare(key(b)))
        .filter((v) => after === undefined || key(v) > from)
        .slice(0, limit + 1);
    },
  };

  readonly invitations: Invitations = {
    replace: async (invitation) => {
      await this.invitations.removeFor(invitation.userId);
      this.t.invitations.push({ ...invitation, cityId: this.cityId, acceptedAt: null });
    },
    existsFor: async (userId) => this.t.invitations.some((i) => this.ours(i) && i.userId === userId),
    removeFor: async (userId) => {
      this.t.invitations = this.t.invitations.filter((i) => !this.ours(i) || i.userId !== userId);
    },
    lockRedeemable: async (tokenHash, now) =>
      this.t.invitations.find(
        (i) => this.ours(i) && i.tokenHash === tokenHash && i.acceptedAt === null && i.expiresAt > now,
      ) ?? null,
    markAccepted: async (id) => {
      for (const i of this.t.invitations) if (this.ours(i) && i.id === id) i.acceptedAt = new Date();
    },
  };

  private ours(row: { cityId: CityId }): boolean {
    return row.cityId === this.cityId;
  }

  private cityMembers(): StoredMember[] {
    return this.t.members.filter((m) => this.ours(m));
  }

  private member(userId: string): StoredMember | undefined {
    return this.cityMembers().find((m) => m.userId === userId);
  }

  private snapshot(member: StoredMember | undefined): Member | null {
    if (!member) return null;
    const { userId, role, organisationId, active, pending } = member;
    return { userId, role, organisationId, active, pending };
  }

  // As MEMBER_COLUMNS reads it: the name the city gave while pending.
  private view(member: StoredMember): MemberView {
    const account = this.t.accounts.find((a) => a.id === member.userId);
    if (!account) throw new Error(`No account ${member.userId}`);
    const status = member.pending ? 'pending' : member.active ? 'active' : 'removed';
    return {
      userId: member.userId,
      email: account.email,
      name: member.pending ? (member.invitedName ?? account.name) : account.name,
      role: member.role,
      organisationId: member.organisationId,
      active: member.active,
      status,
      memberSince: member.createdAt.toISOString(),
    };
  }
}
