import { sha256Hex } from '../../auth/credentials';
import { ghent, identityKit } from '../../testing/identity-fixtures';
import { AcceptInvitationCommand } from './accept-invitation.command';
import { AcceptInvitationHandler } from './accept-invitation.handler';

const secret = 'a'.repeat(43);
const token = `${ghent}.${secret}`;

const setUp = (invitation: { expiresAt?: Date } = {}) => {
  const kit = identityKit();
  const person = kit.store.givenAccount({ email: 'new@ghent.example', name: 'New' });
  kit.store.givenOffer(ghent, person.id, 'collector', { tokenHash: sha256Hex(secret), ...invitation });
  return { ...kit, person, handler: new AcceptInvitationHandler(kit.store, kit.passwords, kit.sessions) };
};

describe('AcceptInvitationHandler', () => {
  it('sets the chosen password, activates the membership and logs the new member in', async () => {
    const { handler, store, passwords, person } = setUp();
    const session = await handler.execute(new AcceptInvitationCommand(token, 'a long new password'));
    expect(session.user.id).toBe(person.id);
    expect(session.memberships).toEqual([expect.objectContaining({ city: 'ghent', role: 'collector' })]);
    expect(
      await passwords.verify(store.account(person.id)?.passwordHash ?? null, 'a long new password'),
    ).toBe(true);
    expect(store.tables.invitations[0].acceptedAt).toBeInstanceOf(Date);
    expect(store.eventsOf(ghent, `member-${person.id}`)).toEqual([
      { type: 'MemberInvitationAccepted', data: { userId: person.id } },
    ]);
  });

  it('works once: the same token again is invalid', async () => {
    const { handler } = setUp();
    await handler.execute(new AcceptInvitationCommand(token, 'a long new password'));
    await expect(
      handler.execute(new AcceptInvitationCommand(token, 'another password!')),
    ).rejects.toMatchObject({
      code: 'INVITATION.INVALID',
      errors: [{ field: 'token', message: expect.any(String) }],
    });
  });

  it('refuses an expired token and a token of another city', async () => {
    const { handler } = setUp({ expiresAt: new Date(Date.now() - 1) });
    await expect(
      handler.execute(new AcceptInvitationCommand(token, 'a long new password')),
    ).rejects.toMatchObject({
      code: 'INVITATION.INVALID',
    });
    const elsewhere = `0192f0aa-0000-7000-8000-0000000000c2.${secret}`;
    await expect(
      handler.execute(new AcceptInvitationCommand(elsewhere, 'a long new password')),
    ).rejects.toMatchObject({ code: 'INVITATION.INVALID' });
  });

  it('refuses to take over an account that already has a password, changing nothing', async () => {
    const { handler, store, person } = setUp();
    store.tables.accounts[0] = { ...person, passwordHash: 'chosen earlier' };
    await expect(
      handler.execute(new AcceptInvitationCommand(token, 'a long new password')),
    ).rejects.toMatchObject({
      code: 'INVITATION.ACCOUNT_ALREADY_ACTIVE',
    });
    expect(store.account(person.id)?.passwordHash).toBe('chosen earlier');
    expect(store.tables.invitations[0].acceptedAt).toBeNull();
  });
});
