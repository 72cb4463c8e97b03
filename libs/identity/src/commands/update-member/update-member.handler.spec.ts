import { commandMetadata } from '@rl/web/testing';
import { Member } from '../../persistence/identity.repository';
import { ghent, identityKit } from '../../testing/identity-fixtures';
import { UpdateMemberDto } from '../update-member/update-member.dto';
import { UpdateMemberCommand } from './update-member.command';
import { UpdateMemberHandler } from './update-member.handler';

const organisationId = '0192f0aa-0000-7000-8000-00000000000f';

const setUp = (member: Partial<Member> = {}) => {
  const kit = identityKit();
  const coordinator = kit.store.givenAccount({ email: 'c@ghent.example', name: 'Coordinator' });
  const official = kit.store.givenAccount({ email: 'o@ghent.example', name: 'Official' });
  const base = { organisationId: null, active: true, pending: false };
  kit.store
    .givenMember(ghent, { ...base, userId: coordinator.id, role: 'coordinator' })
    .givenMember(ghent, { ...base, userId: official.id, role: 'official', ...member }, 'Invited name');
  kit.store.tables.organisations.push({ cityId: ghent, id: organisationId });
  return { ...kit, coordinator, official, handler: new UpdateMemberHandler(kit.store) };
};
const update = (memberId: string, changes: UpdateMemberDto) =>
  new UpdateMemberCommand(ghent, commandMetadata(), memberId, changes);

describe('UpdateMemberHandler', () => {
  it('changes role and organisation, answers the member as listed and records each change', async () => {
    const { handler, store, official } = setUp();
    const view = await handler.execute(update(official.id, { role: 'collector', organisationId }));
    expect(view).toMatchObject({ userId: official.id, role: 'collector', organisationId, status: 'active' });
    expect(store.eventsOf(ghent, `member-${official.id}`)).toEqual([
      { type: 'MemberRoleChanged', data: { userId: official.id, from: 'official', to: 'collector' } },
      { type: 'MemberOrganisationChanged', data: { userId: official.id, from: null, to: organisationId } },
    ]);
  });

  it('removes a member (kept for the record) and records nothing when nothing changes', async () => {
    const { handler, store, official } = setUp();
    expect(await handler.execute(update(official.id, { active: false }))).toMatchObject({
      status: 'removed',
    });
    await handler.execute(update(official.id, { active: false }));
    expect(store.eventsOf(ghent, `member-${official.id}`)).toEqual([
      { type: 'MemberDeactivated', data: { userId: official.id } },
    ]);
  });

  it('keeps the last active coordinator', async () => {
    const { handler, store, coordinator } = setUp();
    await expect(handler.execute(update(coordinator.id, { role: 'official' }))).rejects.toMatchObject({
      code: 'MEMBER.LAST_COORDINATOR',
    });
    expect(store.member(ghent, coordinator.id)?.role).toBe('coordinator');
  });

  it('leaves a pending membership for its owner to activate', async () => {
    const { handler, official } = setUp({ pending: true, active: false });
    await expect(handler.execute(update(official.id, { active: true }))).rejects.toMatchObject({
      code: 'MEMBER.INVITATION_PENDING',
    });
  });

  it('refuses an empty change, an unknown member and an organisation of no city', async () => {
    const { handler, store, official } = setUp();
    const refusals: [UpdateMemberCommand, string][] = [
      [update(official.id, {}), 'MEMBER.NOTHING_TO_CHANGE'],
      [update('0192f0aa-0000-7000-8000-0000000000ee', { role: 'auditor' }), 'MEMBER.NOT_FOUND'],
      [
        update(official.id, { organisationId: '0192f0aa-0000-7000-8000-0000000000aa' }),
        'MEMBER.UNKNOWN_ORGANISATION',
      ],
    ];
    for (const [command, code] of refusals)
      await expect(handler.execute(command)).rejects.toMatchObject({ code });
    expect(store.tables.appended).toEqual([]);
  });
});
