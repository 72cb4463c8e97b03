import { membershipChanges, MembershipSnapshot } from './membership.events';

describe('membershipChanges', () => {
  const before: MembershipSnapshot = { userId: 'u1', role: 'official', organisationId: null, active: true };

  it('records nothing when nothing changes', () => {
    expect(membershipChanges(before, { ...before })).toEqual([]);
  });

  it('records each changed aspect with its old and new value', () => {
    expect(
      membershipChanges(before, { ...before, role: 'coordinator', organisationId: 'org-1', active: false }),
    ).toEqual([
      { type: 'MemberRoleChanged', data: { userId: 'u1', from: 'official', to: 'coordinator' } },
      { type: 'MemberOrganisationChanged', data: { userId: 'u1', from: null, to: 'org-1' } },
      { type: 'MemberDeactivated', data: { userId: 'u1' } },
    ]);
  });

  it('records a reactivation', () => {
    expect(membershipChanges({ ...before, active: false }, before)).toEqual([
      { type: 'MemberReactivated', data: { userId: 'u1' } },
    ]);
  });
});
