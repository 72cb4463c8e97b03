import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CityId } from '@rl/kernel';
import { RECORDED_AT_TEXT } from './audit-event.view';
import { ChainHead, ChainReport, ChainRow, GENESIS_HASH, HashChainCheck } from './domain/hash-chain';

const CHUNK_SIZE = 10_000;

interface ChainRecord {
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
  prev_hash: string;
  hash: string;
}

// The columns in the text forms append_events hashed.
const CHAIN_COLUMNS = `tenant_id::text AS tenant_id, position::text AS position, stream_id, stream_version,
  event_id::text AS event_id, type, schema_version, data::text AS data, metadata::text AS metadata,
  ${RECORDED_AT_TEXT} AS recorded_at, prev_hash, hash`;

const toRow = (r: ChainRecord): ChainRow => ({
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
  prevHash: r.prev_hash,
  hash: r.hash,
});

// Recomputes a city's hash chain from the database and reports the first broken link.
@Injectable()
export class ChainVerifier {
  constructor(private readonly dataSource: DataSource) {}

  verify(cityId: CityId, chunkSize = CHUNK_SIZE): Promise<ChainReport> {
    return this.inCitySnapshot(cityId, async (em) => {
      const check = new HashChainCheck(await this.head(em, cityId));
      // Keyset chunks by position: at most one chunk of rows is in memory at a time.
      for (let after = 0; ;) {
        const chunk = await em.query<ChainRecord[]>(
          `SELECT ${CHAIN_COLUMNS} FROM events WHERE tenant_id = $1 AND position > $2 ORDER BY position LIMIT $3`,
          [cityId, after, chunkSize],
        );
        for (const record of chunk) check.add(toRow(record));
        if (chunk.length < chunkSize) break;
        after = Number(chunk[chunk.length - 1].position);
      }
      return check.finish();
    });
  }

  private async head(em: EntityManager, cityId: CityId): Promise<ChainHead> {
    const [head] = await em.query<{ last_position: string; last_hash: string }[]>(
      `SELECT last_position::text AS last_position, last_hash FROM tenant_heads WHERE tenant_id = $1`,
      [cityId],
    );
    return head
      ? { lastPosition: Number(head.last_position), lastHash: head.last_hash }
      : { lastPosition: 0, lastHash: GENESIS_HASH };
  }

  // Like TenantDb.inCity, but every statement sees one snapshot: the head and all chunks agree even while
  // the city keeps appending (under READ COMMITTED, an append committed between two chunks would look like
  // a head mismatch). The isolation level must be set before the first query, so TenantDb cannot be used.
  private inCitySnapshot<T>(cityId: CityId, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      await em.query('SET TRANSACTION READ ONLY');
      await em.query(`select set_config('app.tenant_id', $1, true)`, [cityId]);
      return work(em);
    });
  }
}
