import { IsNull } from 'typeorm';
import { EntityManager } from 'typeorm';
import { RefreshTokenRecord } from '../persistence/refresh-token.entity';

// Locks every token of a login session (family), in one order so that concurrent lockers cannot
// deadlock. Refresh and logout both hold it: a refresh that waits behind a logout or a reuse detection
// then sees its token revoked, and one that went first has its successor revoked by the statement after.
export async function lockFamily(em: EntityManager, familyId: string): Promise<string[]> {
  const rows = await em.query<{ user_id: string }[]>(
    `SELECT user_id FROM refresh_tokens WHERE family_id = $1 ORDER BY id FOR UPDATE`,
    [familyId],
  );
  return [...new Set(rows.map((r) => r.user_id))];
}

export async function revokeFamily(em: EntityManager, familyId: string): Promise<void> {
  await em.update(RefreshTokenRecord, { familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
}

// Ends every session of an account (password reset or change): its access tokens stop working too.
export async function revokeAllSessions(em: EntityManager, userId: string): Promise<void> {
  await em.query(`SELECT 1 FROM refresh_tokens WHERE user_id = $1 ORDER BY id FOR UPDATE`, [userId]);
  await em.update(RefreshTokenRecord, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
}
