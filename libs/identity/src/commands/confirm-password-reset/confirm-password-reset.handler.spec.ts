import { sha256Hex } from '../../auth/credentials';
import { identityKit } from '../../testing/identity-fixtures';
import { ConfirmPasswordResetCommand } from './confirm-password-reset.command';
import { ConfirmPasswordResetHandler } from './confirm-password-reset.handler';

const token = 'r'.repeat(43);

const setUp = (expiresAt = new Date(Date.now() + 60_000)) => {
  const kit = identityKit();
  const user = kit.store.givenAccount({ email: 'u@ghent.example', passwordHash: 'old' });
  kit.store.tables.resets.push({
    id: 'reset-1',
    userId: user.id,
    tokenHash: sha256Hex(token),
    expiresAt,
    usedAt: null,
  });
  kit.store.tables.tokens.push({
    id: 'session-1',
    familyId: 'family-1',
    userId: user.id,
    tokenHash: 'h',
    expiresAt,
    rotatedAt: null,
    revokedAt: null,
  });
  return { ...kit, user, handler: new ConfirmPasswordResetHandler(kit.store, kit.passwords) };
};

describe('ConfirmPasswordResetHandler', () => {
  it('sets the new password once and ends every session of the account', async () => {
    const { handler, store, passwords, user } = setUp();
    await handler.execute(new ConfirmPasswordResetCommand(token, 'the new password'));
    expect(await passwords.verify(store.account(user.id)?.passwordHash ?? null, 'the new password')).toBe(
      true,
    );
    expect(store.tables.tokens[0].revokedAt).toBeInstanceOf(Date);
    await expect(
      handler.execute(new ConfirmPasswordResetCommand(token, 'yet another password')),
    ).rejects.toMatchObject({
      code: 'PASSWORD_RESET.INVALID',
      errors: [{ field: 'token', message: expect.any(String) }],
    });
  });

  it('refuses an expired or unknown token, changing nothing', async () => {
    const { handler, store, user } = setUp(new Date(Date.now() - 1));
    for (const attempt of [token, 'u'.repeat(43)])
      await expect(
        handler.execute(new ConfirmPasswordResetCommand(attempt, 'the new password')),
      ).rejects.toMatchObject({ code: 'PASSWORD_RESET.INVALID' });
    expect(store.account(user.id)?.passwordHash).toBe('old');
  });
});
