import { commandMetadata } from '@rl/web/testing';
import { ghent, identityKit } from '../../testing/identity-fixtures';
import { AddMemberCommand } from './add-member.command';
import { AddMemberDto } from './add-member.dto';
import { AddMemberHandler } from './add-member.handler';

const setUp = () => {
  const kit = identityKit();
  return { ...kit, handler: new AddMemberHandler(kit.store, kit.offers, kit.mail) };
};
const add = (input: Partial<AddMemberDto> = {}, options: { activeAtOnce?: boolean } = {}) =>
  new AddMemberCommand(
    ghent,
    commandMetadata(),
    { email: 'An.Peeters@ghent.example', name: 'An Peeters', role: 'collector', ...input },
    options,
  );

describe('AddMemberHandler', () => {
  it('creates the account, offers the membership with an invitation token and records MemberAdded', async () => {
    const { handler, store, mail } = setUp();
    const view = await handler.execute(add());
    expect(view).toEqual({ userId: expect.any(String), role: 'collector', status: 'pending' });
    expect(store.account(view.userId)).toMatchObject({
      email: 'an.peeters@ghent.example',
      passwordHash: null,
    });
    expect(store.member(ghent, view.userId)).toMatchObject({ pending: true, active: false });
    expect(store.tables.invitations).toHaveLength(1);
    const [email] = store.tables.emails;
    expect(email).toMatchObject({
      kind: 'account.invitation',
      data: { cityName: 'Ghent', role: 'collector' },
    });
    expect(email.token).toMatch(new RegExp(`^${ghent}\\.`));
    expect(mail.woken).toEqual([email.id]);
    expect(store.eventsOf(ghent, `member-${view.userId}`)).toEqual([
      { type: 'MemberAdded', data: { userId: view.userId, role: 'collector', organisationId: null } },
    ]);
  });

  it('tells an existing account by e-mail, without a token, and keeps its name', async () => {
    const { handler, store } = setUp();
    const existing = store.givenAccount({ email: 'an.peeters@ghent.example', name: 'An', passwordHash: 'h' });
    const view = await handler.execute(add({ name: 'Someone else' }));
    expect(view.userId).toBe(existing.id);
    expect(store.tables.emails).toEqual([
      expect.objectContaining({ kind: 'account.membership-offered', token: null }),
    ]);
    expect(store.tables.invitations).toHaveLength(0);
    expect(store.account(existing.id)?.name).toBe('An');
  });

  it('makes a trusted caller’s member active at once, without e-mail', async () => {
    const { handler, store, mail } = setUp();
    const view = await handler.execute(add({}, { activeAtOnce: true }));
    expect(view.status).toBe('active');
    expect(store.member(ghent, view.userId)).toMatchObject({ pending: false, active: true });
    expect(mail.woken).toEqual([]);
  });

  it('refuses a person who is already a member, and leaves everything as it was', async () => {
    const { handler, store } = setUp();
    await handler.execute(add());
    await expect(handler.execute(add())).rejects.toMatchObject({
      code: 'MEMBER.ALREADY_EXISTS',
      errors: [{ field: 'email', message: expect.any(String) }],
    });
    expect(store.tables.members).toHaveLength(1);
    expect(store.tables.emails).toHaveLength(1);
  });

  it('refuses an organisation that is not one of the city', async () => {
    const { handler, store } = setUp();
    await expect(
      handler.execute(add({ organisationId: '0192f0aa-0000-7000-8000-00000000000f' })),
    ).rejects.toMatchObject({ code: 'MEMBER.UNKNOWN_ORGANISATION' });
    expect(store.tables.accounts).toHaveLength(0);
  });
});
