import { DeciderSpecification } from '@rl/kernel/testing';
import { membershipDecider } from './membership.decider';

const spec = DeciderSpecification.for(membershipDecider);
const userId = 'u1';
const member = { userId, role: 'official' as const, organisationId: null, active: true, pending: false };
const update = (changes: object, over: object = {}) => ({
  type: 'UpdateMember' as const,
  userId,
  member,
  changes,
  activeCoordinatorIds: ['c1'],
  ...over,
});

describe('membership decider', () => {
  it('records a new member, and refuses one the city already has', () => {
    const add = { type: 'AddMember' as const, userId, role: 'collector' as const, organisationId: 'o1' };
    spec
      .given([])
      .when({ ...add, alreadyMember: false })
      .then([{ type: 'MemberAdded', data: { userId, role: 'collector', organisationId: 'o1' } }]);
    spec
      .given([])
      .when({ ...add, alreadyMember: true })
      .thenThrows('MEMBER.ALREADY_EXISTS', (error) => expect(error.errors[0].field).toBe('email'));
  });

  it('records each changed aspect, and nothing when nothing changes', () => {
    spec
      .given([])
      .when(update({ role: 'coordinator', organisationId: 'o1', active: false }))
      .then([
        { type: 'MemberRoleChanged', data: { userId, from: 'official', to: 'coordinator' } },
        { type: 'MemberOrganisationChanged', data: { userId, from: null, to: 'o1' } },
        { type: 'MemberDeactivated', data: { userId } },
      ]);
    spec
      .given([])
      .when(update({ role: 'official', organisationId: undefined }))
      .thenNothingHappens();
  });

  it('refuses an empty change before looking for the member', () => {
    spec
      .given([])
      .when(update({}, { member: null }))
      .thenThrows('MEMBER.NOTHING_TO_CHANGE');
    spec
      .given([])
      .when(update({ role: 'auditor' }, { member: null }))
      .thenThrows('MEMBER.NOT_FOUND');
  });

  it('leaves activating a pending membership to its owner', () => {
    spec
      .given([])
      .when(update({ active: true }, { member: { ...member, active: false, pending: true } }))
      .thenThrows('MEMBER.INVITATION_PENDING');
  });

  it('keeps the last active coordinator', () => {
    spec
      .given([])
      .when(
        update(
          { role: 'auditor' },
          { member: { ...member, role: 'coordinator' }, activeCoordinatorIds: [userId] },
        ),
      )
      .thenThrows('MEMBER.LAST_COORDINATOR');
  });

  it('records the answer to an offer that was pending, and nothing otherwise', () => {
    const answer = { type: 'AnswerOffer' as const, userId, wasPending: true };
    spec
      .given([])
      .when({ ...answer, answer: 'accept' })
      .then([{ type: 'MemberInvitationAccepted', data: { userId } }]);
    spec
      .given([])
      .when({ ...answer, answer: 'decline' })
      .then([{ type: 'MemberInvitationDeclined', data: { userId } }]);
    spec
      .given([])
      .when({ ...answer, answer: 'accept', wasPending: false })
      .thenNothingHappens();
  });
});
