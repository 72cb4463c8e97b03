import { EntityManager } from 'typeorm';
import { CityId, CursorKey } from '@rl/kernel';
import { keysetCondition } from '@rl/persistence';
import { ChainHead, GENESIS_HASH } from '../domain/hash-chain';
import { Checkpoint } from '../domain/checkpoint';

// SQL of the audit_checkpoints table; callers run it in their city transaction.
const COLUMNS = `tenant_id::text AS "cityId", position, head_hash AS "headHash",
  signed_at AS "signedAt", key_id AS "keyId", signature`;

// position is a bigint, which arrives as its decimal text.
type StoredCheckpoint = Omit<Checkpoint, 'signedAt' | 'position'> & { signedAt: Date; position: string };

// signedAt was signed as toISOString() (milliseconds), which timestamptz keeps exactly.
const toCheckpoint = (row: StoredCheckpoint): Checkpoint => ({
  ...row,
  position: Number(row.position),
  signedAt: new Date(row.signedAt).toISOString(),
});

export async function readHead(em: EntityManager, cityId: CityId): Promise<ChainHead> {
  const [head] = await em.query<{ last_position: string; last_hash: string }[]>(
    `SELECT last_position, last_hash FROM tenant_heads WHERE tenant_id = $1`,
    [cityId],
  );
  return head
    ? { lastPosition: Number(head.last_position), lastHash: head.last_hash }
    : { lastPosition: 0, lastHash: GENESIS_HASH };
}

export async function firstEventAt(em: EntityManager, cityId: CityId): Promise<Date> {
  const [first] = await em.query<{ recorded_at: Date }[]>(
    `SELECT recorded_at FROM events WHERE tenant_id = $1 AND position = 1`,
    [cityId],
  );
  // No first event behind a head that moved: the log was tampered with; sign at once.
  return first?.recorded_at ?? new Date(0);
}

export async function insertCheckpoint(em: EntityManager, checkpoint: Checkpoint): Promise<void> {
  await em.query(
    `INSERT INTO audit_checkpoints (tenant_id, id, position, head_hash, signed_at, key_id, signature)
     VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6)`,
    [
      checkpoint.cityId,
      checkpoint.position,
      checkpoint.headHash,
      checkpoint.signedAt,
      checkpoint.keyId,
      checkpoint.signature,
    ],
  );
}

// Newest first, keyset by (signed_at, id); the key keeps signed_at as PostgreSQL's text.
export async function checkpointPage(
  em: EntityManager,
  cityId: CityId,
  after: CursorKey | undefined,
  limit: number,
): Promise<(Checkpoint & { key: CursorKey })[]> {
  const params: unknown[] = [cityId];
  const keyset = keysetCondition(['signed_at', 'id'], after, params, '<');
  params.push(limit);
  const rows = await em.query<(StoredCheckpoint & { signedAtKey: string; id: string })[]>(
    `SELECT ${COLUMNS}, signed_at::text AS "signedAtKey", id FROM audit_checkpoints
      WHERE tenant_id = $1 AND ${keyset} ORDER BY signed_at DESC, id DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map(({ signedAtKey, id, ...row }) => ({ ...toCheckpoint(row), key: [signedAtKey, id] }));
}

export async function latestCheckpoint(em: EntityManager, cityId: CityId): Promise<Checkpoint | undefined> {
  const [latest] = await checkpointPage(em, cityId, undefined, 1);
  if (!latest) return undefined;
  const { key: _key, ...checkpoint } = latest;
  return checkpoint;
}

// Every checkpoint of the city, for the verifier: a few per hour at most, so they fit in memory.
export async function allCheckpoints(em: EntityManager, cityId: CityId): Promise<Checkpoint[]> {
  const rows = await em.query<StoredCheckpoint[]>(
    `SELECT ${COLUMNS} FROM audit_checkpoints WHERE tenant_id = $1 ORDER BY position, signed_at`,
    [cityId],
  );
  return rows.map(toCheckpoint);
}
