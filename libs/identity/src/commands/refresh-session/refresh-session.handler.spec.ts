import { asUserId } from '@rl/kernel';
import { identityKit } from '../../testing/identity-fixtures';
import { RefreshSessionCommand } from './refresh-session.command';
import { RefreshSessionHandler } from './refresh-session.handler';

const setUp = async () => {
  const kit = identityKit();
  const user = kit.store.givenAccount({ email: 'u@ghent.example', passwordHash: 'h' });
  const session = await kit.sessions.open(asUserId(user.id));
  return { ...kit, user, session, handler: new RefreshSessionHandler(kit.store, kit.issuer) };
};

describe('RefreshSessionHandler', () => {
  it('rotates: the used token is marked and a successor issued in the same session', async () => {
    const { handler, store, session } = await setUp();
    const next = await handler.execute(new RefreshSessionCommand(session.refreshToken));
    expect(next.refreshToken).not.toBe(session.refreshToken);
    const [used, successor] = store.tables.tokens;
    expect(used.rotatedAt).toBeInstanceOf(Date);
    expect(successor).toMatchObject({ familyId: used.familyId, rotatedAt: null, revokedAt: null });
  });

  it('revokes the whole session when a rotated token comes back', async () => {
    const { handler, store, session } = await setUp();
    await handler.execute(new RefreshSessionCommand(session.refreshToken));
    await expect(handler.execute(new RefreshSessionCommand(session.refreshToken))).rejects.toMatchObject({
      code: 'AUTH.REFRESH_TOKEN_REUSED',
    });
    expect(store.tables.tokens.every((t) => t.revokedAt !== null)).toBe(true);
  });

  it('refuses an unknown, expired or revoked token and the token of an inactive account', async () => {
    const { handler, store, user, session } = await setUp();
    const refresh = (token: string) => handler.execute(new RefreshSessionCommand(token));
    const invalid = { code: 'AUTH.INVALID_REFRESH_TOKEN' };
    await expect(refresh('not a token at all')).rejects.toMatchObject(invalid);
    store.tables.accounts[0] = { ...user, active: false };
    await expect(refresh(session.refreshToken)).rejects.toMatchObject(invalid);
    store.tables.accounts[0] = user;
    store.tables.tokens[0].expiresAt = new Date(Date.now() - 1);
    await expect(refresh(session.refreshToken)).rejects.toMatchObject(invalid);
    store.tables.tokens[0] = {
      ...store.tables.tokens[0],
      expiresAt: new Date(Date.now() + 60_000),
      revokedAt: new Date(),
    };
    await expect(refresh(session.refreshToken)).rejects.toMatchObject(invalid);
    expect(store.tables.tokens).toHaveLength(1);
  });

  it('revokes a session whose tokens belong to more than one account', async () => {
    const { handler, store, session } = await setUp();
    store.tables.tokens.push({
      ...store.tables.tokens[0],
      id: 'intruder',
      userId: 'someone else',
      tokenHash: 'x',
    });
    await expect(handler.execute(new RefreshSessionCommand(session.refreshToken))).rejects.toMatchObject({
      code: 'AUTH.INVALID_REFRESH_TOKEN',
    });
    expect(store.tables.tokens.every((t) => t.revokedAt !== null)).toBe(true);
  });
});
