import { sha256Hex } from '../../auth/credentials';
import { identityKit } from '../../testing/identity-fixtures';
import { LogoutCommand } from './logout.command';
import { LogoutHandler } from './logout.handler';

const token = (id: string, familyId: string) => ({
  id,
  familyId,
  userId: 'u1',
  tokenHash: sha256Hex(`secret-of-${id}`),
  expiresAt: new Date(Date.now() + 60_000),
  rotatedAt: null,
  revokedAt: null,
});

describe('LogoutHandler', () => {
  it('revokes every token of the session, and no other session', async () => {
    const { store } = identityKit();
    store.tables.tokens.push(token('t1', 'f1'), token('t2', 'f1'), token('t3', 'f2'));
    await new LogoutHandler(store).execute(new LogoutCommand('secret-of-t1'));
    expect(store.tables.tokens.map((t) => t.revokedAt !== null)).toEqual([true, true, false]);
  });

  it('ignores an unknown token', async () => {
    const { store } = identityKit();
    store.tables.tokens.push(token('t1', 'f1'));
    await new LogoutHandler(store).execute(new LogoutCommand('not a token'));
    expect(store.tables.tokens[0].revokedAt).toBeNull();
  });
});
