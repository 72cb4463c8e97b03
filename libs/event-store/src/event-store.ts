import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { CityId } from '@rl/kernel';
import { isUniqueViolation, TenantDb } from '@rl/persistence';
import { EventSchemas } from './event-schemas';
import { EventsAppended } from './events-appended';
import { AppendResult, EventMetadata, ExpectedVersion, NewEvent, RecordedEvent } from './event.types';
import { alreadyApplied, keyReused } from './idempotency.errors';
import { PersonalData } from './personal/personal-data';
import { streamConflict } from './stream-conflict';

interface EventRow {
  position: string;
  stream_id: string;
  stream_version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
  prev_hash: string;
  hash: string;
}

const EVENT_COLUMNS = `position, stream_id, stream_version, event_id, type, schema_version, data, metadata, recorded_at, prev_hash, hash`;

// One statement that sets the city (for row-level security; append_events refuses any other) and
// appends: outside a transaction it is a transaction of its own, one round trip for a whole append.
const APPEND_SQL = `SELECT r.last_position, r.last_version
  FROM (SELECT set_config('app.tenant_id', $1, true)::uuid AS tenant) AS city
  CROSS JOIN LATERAL append_events(city.tenant, $2, $3, $4, $5) AS r`;

type Run = (sql: string, parameters: unknown[]) => Promise<{ last_position: string; last_version: number }[]>;

// How an append reaches the database: its statement runner, and the city transaction in which personal
// fields get their keys.
interface Appender {
  run: Run;
  inCity: (work: (em: EntityManager) => Promise<void>) => Promise<void>;
  schemas: EventSchemas;
  personal: PersonalData;
}

async function appendEvents(
  { run, inCity, schemas, personal }: Appender,
  cityId: CityId,
  streamId: string,
  expected: ExpectedVersion,
  events: NewEvent[],
  metadata: EventMetadata,
): Promise<AppendResult> {
  if (events.length === 0) throw new Error(`Nothing to append to ${streamId}`);
  const payload = events.map((event) => ({
    eventId: uuidv7(),
    type: event.type,
    schemaVersion: schemas.currentVersion(event.type),
    data: event.data,
    metadata,
  }));
  // Before serialising: the hash, computed over the stored data, then covers the ciphertext.
  await personal.seal(cityId, payload, inCity);
  try {
    const [row] = await run(APPEND_SQL, [
      cityId,
      streamId,
      expected === 'any' ? null : expected,
      JSON.stringify(payload),
      metadata.idempotencyKey ?? null,
    ]);
    return { streamId, position: Number(row.last_position), version: row.last_version };
  } catch (error) {
    const driverError =
      error instanceof QueryFailedError ? (error.driverError as { code?: string; detail?: string }) : {};
    if (driverError.code === 'RL409' && expected !== 'any') {
      throw streamConflict(streamId, Number(driverError.detail), expected);
    }
    throw error;
  }
}

// Appends within one city transaction. `append` should be the transaction's last write: it takes the
// city's head lock, which is then held only until COMMIT.
export class EventTransaction {
  readonly appended: { types: string[]; position: number }[] = [];
  // The metadata of the last append tried, to explain a clash on its idempotency key after rollback.
  attempted: EventMetadata | undefined;

  constructor(
    readonly em: EntityManager,
    readonly cityId: CityId,
    private readonly schemas: EventSchemas,
    private readonly personal: PersonalData,
  ) {}

  async append(
    streamId: string,
    expected: ExpectedVersion,
    events: NewEvent[],
    metadata: EventMetadata,
  ): Promise<AppendResult> {
    const appender: Appender = {
      run: (sql, parameters) => this.em.query(sql, parameters),
      inCity: (work) => work(this.em),
      schemas: this.schemas,
      personal: this.personal,
    };
    this.attempted = metadata;
    const result = await appendEvents(appender, this.cityId, streamId, expected, events, metadata);
    this.appended.push({ types: events.map((e) => e.type), position: result.position });
    return result;
  }
}

@Injectable()
export class EventStore {
  constructor(
    private readonly db: TenantDb,
    private readonly dataSource: DataSource,
    private readonly schemas: EventSchemas,
    private readonly eventBus: EventBus,
    private readonly personal: PersonalData,
  ) {}

  // Runs `work` in one city transaction; after it commits, projections are woken for what it appended.
  async transact<T>(cityId: CityId, work: (tx: EventTransaction) => Promise<T>): Promise<T> {
    let tx: EventTransaction | undefined;
    const result = await this.db
      .inCity(cityId, (em) => {
        tx = new EventTransaction(em, cityId, this.schemas, this.personal);
        return work(tx);
      })
      .catch(async (error: unknown) => {
        const attempted = tx?.attempted;
        if (attempted && isUniqueViolation(error, 'uq_events_idempotency_key')) {
          const earlier = await this.replayOf(cityId, attempted);
          if (earlier) throw alreadyApplied(earlier);
        }
        throw error;
      });
    const appended = tx?.appended ?? [];
    if (appended.length > 0) {
      const types = [...new Set(appended.flatMap((a) => a.types))];
      this.eventBus.publish(new EventsAppended(cityId, types, Math.max(...appended.map((a) => a.position))));
    }
    return result;
  }

  // A lone append (the usual command): one statement, its own transaction. Without idempotency keys;
  // `append` adds them, or wrap in `idempotent` when the events depend on state read first.
  async appendAlone(
    cityId: CityId,
    streamId: string,
    expected: ExpectedVersion,
    events: NewEvent[],
    metadata: EventMetadata,
  ): Promise<AppendResult> {
    const appender: Appender = {
      run: (sql, parameters) => this.dataSource.query(sql, parameters),
      // A key created here and then not used (the append fails) is harmless; the next append uses it.
      inCity: (work) => this.db.inCity(cityId, work),
      schemas: this.schemas,
      personal: this.personal,
    };
    const result = await appendEvents(appender, cityId, streamId, expected, events, metadata);
    this.eventBus.publish(
      new EventsAppended(cityId, [...new Set(events.map((e) => e.type))], result.position),
    );
    return result;
  }

  append(
    cityId: CityId,
    streamId: string,
    expected: ExpectedVersion,
    events: NewEvent[],
    metadata: EventMetadata,
  ): Promise<AppendResult> {
    return this.idempotent(cityId, metadata, () =>
      this.appendAlone(cityId, streamId, expected, events, metadata),
    );
  }

  // A command retried with the same idempotency key returns its first result and appends nothing. Two
  // concurrent first attempts race on the key's unique index (or, on an existing stream, on its
  // version); the loser returns the winner's result.
  async idempotent(
    cityId: CityId,
    metadata: EventMetadata,
    run: () => Promise<AppendResult>,
  ): Promise<AppendResult> {
    if (metadata.idempotencyKey === undefined) return run();
    const earlier = await this.replayOf(cityId, metadata);
    if (earlier) return earlier;
    try {
      return await run();
    } catch (error) {
      // A concurrent first attempt may have won (unique key, or on an existing stream a version conflict).
      const winner = await this.replayOf(cityId, metadata);
      if (winner) return winner;
      throw error;
    }
  }

  // The first result under the command's idempotency key, or null. The key names one request: the same
  // key with another request (its fingerprint) is refused rather than silently answered with the first.
  async replayOf(cityId: CityId, metadata: EventMetadata): Promise<AppendResult | null> {
    if (metadata.idempotencyKey === undefined) return null;
    const rows = await this.db.inCity(cityId, (em) =>
      em.query<{ stream_id: string; position: string; stream_version: number; fingerprint: string | null }[]>(
        `SELECT stream_id, position, stream_version, metadata->>'requestFingerprint' AS fingerprint
           FROM events WHERE tenant_id = $1 AND idempotency_key = $2`,
        [cityId, metadata.idempotencyKey],
      ),
    );
    const [row] = rows;
    if (!row) return null;
    const given = metadata.requestFingerprint;
    if (given !== undefined && row.fingerprint !== null && row.fingerprint !== given) throw keyReused();
    return { streamId: row.stream_id, position: Number(row.position), version: row.stream_version };
  }

  // A stream in order, optionally only up to a version or as it was at an instant.
  // Inside the caller's transaction when given one.
  readStream(
    cityId: CityId,
    streamId: string,
    until: { version?: number; asOf?: Date } = {},
    em?: EntityManager,
  ): Promise<RecordedEvent[]> {
    const read = async (m: EntityManager) => {
      const rows = await m.query<EventRow[]>(
        `SELECT ${EVENT_COLUMNS} FROM events
          WHERE tenant_id = $1 AND stream_id = $2 AND ($3::int IS NULL OR stream_version <= $3) AND ($4::timestamptz IS NULL OR recorded_at <= $4)
          ORDER BY stream_version`,
        [cityId, streamId, until.version ?? null, until.asOf ?? null],
      );
      return this.toEvents(m, cityId, rows);
    };
    return em ? read(em) : this.db.inCity(cityId, read);
  }

  // Which of these streams have events in the city's log (another city's are not seen): how a context
  // checks that the aggregates it links belong to the city. Streams are never removed.
  async existingStreams(cityId: CityId, streamIds: readonly string[]): Promise<Set<string>> {
    if (streamIds.length === 0) return new Set();
    const rows = await this.db.inCity(cityId, (em) =>
      em.query<{ stream_id: string }[]>(
        `SELECT DISTINCT stream_id FROM events WHERE tenant_id = $1 AND stream_id = ANY($2)`,
        [cityId, streamIds],
      ),
    );
    return new Set(rows.map((row) => row.stream_id));
  }

  // The city's log after `afterPosition`, in order; inside the caller's transaction when given one.
  async readLog(
    cityId: CityId,
    afterPosition: number,
    limit: number,
    em?: EntityManager,
  ): Promise<RecordedEvent[]> {
    const read = async (m: EntityManager) => {
      const rows = await m.query<EventRow[]>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE tenant_id = $1 AND position > $2 ORDER BY position LIMIT $3`,
        [cityId, afterPosition, limit],
      );
      return this.toEvents(m, cityId, rows);
    };
    return em ? read(em) : this.db.inCity(cityId, read);
  }

  async headPosition(cityId: CityId, em?: EntityManager): Promise<number> {
    const read = async (m: EntityManager) => {
      const rows = await m.query<{ last_position: string }[]>(
        `SELECT last_position FROM tenant_heads WHERE tenant_id = $1`,
        [cityId],
      );
      return Number(rows[0]?.last_position ?? 0);
    };
    return em ? read(em) : this.db.inCity(cityId, read);
  }

  // Personal fields are opened before upcasting: their ciphertext is bound to the path they were recorded at.
  private async toEvents(em: EntityManager, cityId: CityId, rows: EventRow[]): Promise<RecordedEvent[]> {
    const opened = await this.personal.reveal(
      em,
      cityId,
      rows.map((row) => ({ eventId: row.event_id, data: row.data })),
    );
    return rows.map((row, i) => this.toEvent(cityId, row, opened[i].data));
  }

  private toEvent(cityId: CityId, row: EventRow, data: unknown): RecordedEvent {
    return {
      cityId,
      position: Number(row.position),
      streamId: row.stream_id,
      version: row.stream_version,
      eventId: row.event_id,
      type: row.type,
      schemaVersion: row.schema_version,
      data: this.schemas.upcast(row.type, row.schema_version, data),
      metadata: row.metadata,
      recordedAt: row.recorded_at,
      prevHash: row.prev_hash,
      hash: row.hash,
    };
  }
}
