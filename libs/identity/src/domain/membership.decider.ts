import { CityRole, Decider } from '@rl/kernel';
import { MemberErrors } from './identity.errors';
import { assertCityKeepsACoordinator } from './membership-rules';
import { MembershipEvent, membershipChanges, MembershipSnapshot } from './membership.events';

export type MembershipCommand =
  | {
      type: 'AddMember';
      userId: string;
      role: CityRole;
      organisationId: string | null;
      alreadyMember: boolean;
    }
  | {
      type: 'UpdateMember';
      userId: string;
      // The membership as its row stands, read under lock (null: not a member of the city).
      member: (MembershipSnapshot & { pending: boolean }) | null;
      changes: { role?: CityRole; organisationId?: string | null; active?: boolean };
      activeCoordinatorIds: readonly string[];
    }
  | { type: 'AnswerOffer'; userId: string; answer: 'accept' | 'decline'; wasPending: boolean };

// Memberships are stored as rows (the access guard reads them on every request) and their member stream
// records their history. The rows, read under lock, are the state a command is decided on: they travel
// in the command, and the decider keeps no state of its own.
export const membershipDecider: Decider<null, MembershipCommand, MembershipEvent> = {
  initialState: () => null,
  decide: (command) => {
    switch (command.type) {
      case 'AddMember': {
        if (command.alreadyMember) {
          throw MemberErrors.ALREADY_EXISTS({
            errors: [{ field: 'email', message: 'is already a member; change the role with PATCH' }],
          });
        }
        const { userId, role, organisationId } = command;
        return [{ type: 'MemberAdded', data: { userId, role, organisationId } }];
      }
      case 'UpdateMember':
        return decideUpdate(command);
      case 'AnswerOffer': {
        if (!command.wasPending) return [];
        const type = command.answer === 'accept' ? 'MemberInvitationAccepted' : 'MemberInvitationDeclined';
        return [{ type, data: { userId: command.userId } }];
      }
    }
  },
  evolve: (state) => state,
  eventTypes: [
    'MemberAdded',
    'MemberRoleChanged',
    'MemberOrganisationChanged',
    'MemberDeactivated',
    'MemberReactivated',
    'MemberInvitationAccepted',
    'MemberInvitationDeclined',
  ],
};

function decideUpdate({
  userId,
  member,
  changes,
  activeCoordinatorIds,
}: Extract<MembershipCommand, { type: 'UpdateMember' }>): MembershipEvent[] {
  if (Object.values(changes).every((value) => value === undefined)) throw MemberErrors.NOTHING_TO_CHANGE();
  if (!member) throw MemberErrors.NOT_FOUND();
  // Only its owner turns an offered membership active (by accepting it).
  if (member.pending && changes.active !== undefined) {
    throw MemberErrors.INVITATION_PENDING({
      errors: [{ field: 'active', message: 'cannot change while the invitation is pending' }],
    });
  }
  assertCityKeepsACoordinator(activeCoordinatorIds, { userId, role: changes.role, active: changes.active });
  return membershipChanges(member, {
    userId,
    role: changes.role ?? member.role,
    organisationId: changes.organisationId === undefined ? member.organisationId : changes.organisationId,
    active: changes.active ?? member.active,
  });
}
