import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { RECORDED_AT_TEXT } from './audit-event.view';
import { allCheckpoints, readHead } from './checkpoints/checkpoint-store';
import { SigningKeys } from './checkpoints/signing-keys';
import { verificationRunning } from './domain/audit.errors';
import { AuditedChainCheck, AuditReport } from './domain/checkpoint';
import { ChainRow } from './domain/hash-chain';

// Small chunks: each is hashed synchronously, so this bounds how long the event loop is held (~10 ms).
const CHUNK_SIZE = 2_000;
const MAX_REST_MS = 1_000;

export interface ChainRecord {
  hash_version: number;
  tenant_id: string;
  position: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  recorded_at: string;
  tx_id: string;
  idempotency_key: string | null;
  prev_hash: string;
  hash: string;
}

// The columns in the text forms append_events hashed. position (bigint) arrives as its decimal string
// anyway; casting it here would make ORDER BY position sort the text ('10' before '2').
export const CHAIN_COLUMNS = `hash_version, tenant_id::text AS tenant_id, position, stream_id, stream_version,
  event_id::text AS event_id, type, schema_version, data::text AS data, metadata::text AS metadata,
  ${RECORDED_AT_TEXT} AS recorded_at, tx_id::text AS tx_id, idempotency_key, prev_hash, hash`;

export const toRow = (r: ChainRecord): ChainRow => ({
  hashVersion: r.hash_version,
  tenantId: r.tenant_id,
  position: Number(r.position),
  streamId: r.stream_id,
  version: r.stream_version,
  eventId: r.event_id,
  type: r.type,
  schemaVersion: r.schema_version,
  dataText: r.data,
  metadataText: r.metadata,
  recordedAt: r.recorded_at,
  txId: r.tx_id,
  idempotencyKey: r.idempotency_key,
  prevHash: r.prev_hash,
  hash: r.hash,
});

// One keyset chunk of a city's log in position order, as the verifier and the export read it.
export const chainChunk = (
  em: EntityManager,
  cityId: CityId,
  after: number,
  limit: number,
  through = Number.MAX_SAFE_INTEGER,
): Promise<ChainRecord[]> =>
  em.query<ChainRecord[]>(
    `SELECT ${CHAIN_COLUMNS} FROM events WHERE tenant_id = $1 AND position > $2 AND position <= $3
      ORDER BY position LIMIT $4`,
    [cityId, after, through, limit],
  );

// Recomputes a city's hash chain from the database and reports the first broken link, checking it
// against every signed checkpoint of the city (a log truncated or rewritten by whoever owns the tables
// disagrees with a checkpoint signed before). One verification
// per city at a time (across processes: a transaction-scoped advisory lock), so a city cannot occupy the
// pool and the CPU with parallel verifications of its own log while other cities wait.
@Injectable()
export class ChainVerifier {
  constructor(
    private readonly db: TenantDb,
    private readonly keys: SigningKeys,
  ) {}

  verify(cityId: CityId, chunkSize = CHUNK_SIZE): Promise<AuditReport> {
    return this.db.inCitySnapshot(cityId, async (em) => {
      const [{ locked }] = await em.query<{ locked: boolean }[]>(
        `SELECT pg_try_advisory_xact_lock(hashtext('audit-verify'), hashtext($1)) AS locked`,
        [cityId],
      );
      if (!locked) throw verificationRunning();
      const check = new AuditedChainCheck(
        cityId,
        await readHead(em, cityId),
        await allCheckpoints(em, cityId),
        await this.keys.trusted(em),
      );
      // Keyset chunks by position: at most one chunk of rows is in memory at a time.
      for (let after = 0; ;) {
        const started = performance.now();
        const chunk = await chainChunk(em, cityId, after, chunkSize);
        for (const record of chunk) check.add(toRow(record));
        if (chunk.length < chunkSize) break;
        after = Number(chunk[chunk.length - 1].position);
        // Half duty: rest as long as the chunk took, so other cities' requests get the database and the
        // event loop at least half the time (a verification is rare; their reads are not). Well under
        // idle_in_transaction_session_timeout.
        const rest = Math.min(performance.now() - started, MAX_REST_MS);
        await new Promise((resolve) => setTimeout(resolve, rest));
      }
      return check.finish();
    });
  }
}
