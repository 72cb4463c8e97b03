import { CityRole } from '@rl/kernel';

// Membership changes as events in the city's log: who granted which role to whom, and when. Only ids
// and roles: names, e-mail addresses, passwords and tokens never enter an event.
export type MembershipEvent =
  | { type: 'MemberAdded'; data: { userId: string; role: CityRole; organisationId: string | null } }
  | { type: 'MemberRoleChanged'; data: { userId: string; from: CityRole; to: CityRole } }
  | { type: 'MemberOrganisationChanged'; data: { userId: string; from: string | null; to: string | null } }
  | { type: 'MemberDeactivated'; data: { userId: string } }
  | { type: 'MemberReactivated'; data: { userId: string } }
  // The person answered the offer of a membership (added members are pending until they accept).
  | { type: 'MemberInvitationAccepted'; data: { userId: string } }
  | { type: 'MemberInvitationDeclined'; data: { userId: string } };

export const memberStream = (userId: string) => `member-${userId}`;

export interface MembershipSnapshot {
  userId: string;
  role: CityRole;
  organisationId: string | null;
  active: boolean;
}

// The events recording a change from `before` to `after`; none when nothing changed.
export function membershipChanges(before: MembershipSnapshot, after: MembershipSnapshot): MembershipEvent[] {
  const { userId } = before;
  const events: MembershipEvent[] = [];
  if (after.role !== before.role)
    events.push({ type: 'MemberRoleChanged', data: { userId, from: before.role, to: after.role } });
  if (after.organisationId !== before.organisationId) {
    events.push({
      type: 'MemberOrganisationChanged',
      data: { userId, from: before.organisationId, to: after.organisationId },
    });
  }
  if (after.active !== before.active) {
    events.push(
      after.active
        ? { type: 'MemberReactivated', data: { userId } }
        : { type: 'MemberDeactivated', data: { userId } },
    );
  }
  return events;
}
