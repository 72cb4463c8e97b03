import { asUserId } from '@rl/kernel';
import { identityKit } from '../../testing/identity-fixtures';
import { ChangePasswordCommand } from './change-password.command';
import { ChangePasswordHandler } from './change-password.handler';

const setUp = async () => {
  const kit = identityKit();
  const user = kit.store.givenAccount({
    email: 'u@ghent.example',
    passwordHash: await kit.passwords.hash('the old password'),
  });
  const session = await kit.sessions.open(asUserId(user.id));
  const handler = new ChangePasswordHandler(kit.store, kit.passwords, kit.sessions);
  return { ...kit, userId: asUserId(user.id), session, handler };
};
const change = (userId: string, currentPassword: string) =>
  new ChangePasswordCommand(asUserId(userId), { currentPassword, newPassword: 'the new password' });

describe('ChangePasswordHandler', () => {
  it('sets the new password, ends every session and opens a new one', async () => {
    const { handler, store, passwords, userId } = await setUp();
    const session = await handler.execute(change(userId, 'the old password'));
    expect(await passwords.verify(store.account(userId)?.passwordHash ?? null, 'the new password')).toBe(
      true,
    );
    const [old, fresh] = store.tables.tokens;
    expect(old.revokedAt).toBeInstanceOf(Date);
    expect(fresh.revokedAt).toBeNull();
    expect(session.user.id).toBe(userId);
  });

  it('refuses a wrong current password, naming the field, and keeps the sessions', async () => {
    const { handler, store, userId } = await setUp();
    await expect(handler.execute(change(userId, 'not the password'))).rejects.toMatchObject({
      code: 'AUTH.WRONG_PASSWORD',
      errors: [{ field: 'currentPassword', message: 'is wrong' }],
    });
    expect(store.tables.tokens.map((t) => t.revokedAt)).toEqual([null]);
  });
});
