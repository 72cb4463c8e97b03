import { Injectable, Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import { EntityManager, QueryFailedError } from 'typeorm';
import { EventStore, RecordedEvent } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { Checkpoints } from './checkpoints';
import { Projection } from './projection';
import { ProjectionWakeups } from './projection-wakeups';

export const WORKER_ID = `${hostname()}:${process.pid}`;
const DEFAULT_BATCH = 1_000;
// How long catchUpToHead waits for another worker that owns the projection; past it the caller (a job)
// fails and is retried rather than deciding on a read model that lacks part of the log.
const TO_HEAD_TIMEOUT_MS = 30_000;
const OWNER_POLL_MS = 20;
// Larger than any position: asks the checkpoints how far a projection has the city's log as it ends now.
const WHOLE_LOG = Number.MAX_SAFE_INTEGER;

type Step =
  | { kind: 'busy' }
  | { kind: 'idle'; position: number }
  | { kind: 'applied'; count: number; position: number };

// Statement timeout, serialization failure, deadlock, lock not available, and lost connections.
const TRANSIENT_SQLSTATES = new Set(['57014', '40001', '40P01', '55P03', '57P01']);

function isTransient(error: unknown): boolean {
  if (error instanceof QueryFailedError) {
    const code = (error.driverError as { code?: string }).code ?? '';
    return TRANSIENT_SQLSTATES.has(code) || code.startsWith('08');
  }
  return error instanceof Error && /Connection terminated|ECONNRESET|ECONNREFUSED/.test(error.message);
}

let savepoints = 0;

// Runs `work` so that its failure undoes only its own writes, not the enclosing transaction.
async function withSavepoint(em: EntityManager, work: () => Promise<void>): Promise<void> {
  const name = `projection_${++savepoints}`;
  await em.query(`SAVEPOINT ${name}`);
  try {
    await work();
  } catch (error) {
    await em.query(`ROLLBACK TO SAVEPOINT ${name}`);
    throw error;
  }
  await em.query(`RELEASE SAVEPOINT ${name}`);
}

// Brings one projection of one city up to the head of the city's log, batch by batch. Each batch runs in
// one transaction that holds the (projection, city) advisory lock — one active owner at a time; others
// skip — and writes the read model and the checkpoint together.
@Injectable()
export class ProjectionRunner {
  private readonly logger = new Logger('Projections');

  constructor(
    private readonly db: TenantDb,
    private readonly events: EventStore,
    private readonly checkpoints: Checkpoints,
    private readonly wakeups: ProjectionWakeups,
  ) {}

  // Returns the checkpoint reached, or null when another worker owns the projection right now.
  async catchUp(cityId: CityId, projection: Projection, batchSize = DEFAULT_BATCH): Promise<number | null> {
    for (;;) {
      const step = await this.step(cityId, projection, batchSize);
      if (step.kind === 'busy') return null;
      if (step.kind === 'idle') return step.position;
      // Committed: the projection's reactors may follow.
      await this.wakeups.wakeFollowers(cityId, projection.name);
      // A short batch reached the head; anything appended since brings its own wake-up.
      if (step.count < batchSize) return step.position;
    }
  }

  // Brings the projection up to the city's head as it stands when this is called, applying the log itself
  // or waiting for the worker that owns the projection, and returns that head. Decisions taken on the
  // read model afterwards see every event committed before the call (reactors: a reminder, a notice).
  // The head and the checkpoint are read in one statement; a projection that handles none of the events
  // after its checkpoint counts as there at once, so the usual case costs one query.
  async catchUpToHead(
    cityId: CityId,
    projection: Projection,
    timeoutMs = TO_HEAD_TIMEOUT_MS,
  ): Promise<number> {
    const reached = (upTo: number) =>
      this.checkpoints.reached(cityId, projection.name, projection.handles, upTo);
    const { position: first, head } = await reached(WHOLE_LOG);
    const deadline = Date.now() + timeoutMs;
    for (let position = first; position < head; { position } = await reached(head)) {
      if (Date.now() >= deadline) {
        throw new Error(`${projection.name} did not reach position ${head} within ${timeoutMs} ms`);
      }
      // null: another worker owns the projection and is applying the log; wait for it.
      if ((await this.catchUp(cityId, projection)) === null)
        await new Promise((resolve) => setTimeout(resolve, OWNER_POLL_MS));
    }
    return head;
  }

  // Applies `events` (already read under the lock, inside the caller's transaction) and moves the
  // checkpoint past the last of them. When the batch fails, its events are applied one by one and the one
  // that fails alone is parked in the dead-letter table with its error and skipped, so the projection
  // (and every other city) keeps flowing. Transient database errors are not the event's fault: they
  // abort the batch for a retry instead.
  async applyBatch(
    em: EntityManager,
    cityId: CityId,
    projection: Projection,
    from: number,
    events: RecordedEvent[],
  ): Promise<number> {
    const relevant = events.filter((event) => projection.handles.includes(event.type));
    if (relevant.length > 0) {
      try {
        await withSavepoint(em, () => projection.apply(em, cityId, relevant));
      } catch (error) {
        if (isTransient(error)) throw error;
        this.logger.warn(
          { cityId, projection: projection.name, err: error },
          'Batch failed; applying its events one by one',
        );
        for (const event of relevant) {
          await withSavepoint(em, () => projection.apply(em, cityId, [event])).catch(
            (eventError: unknown) => {
              if (isTransient(eventError)) throw eventError;
              return this.deadLetter(em, cityId, projection, event, eventError);
            },
          );
        }
      }
    }
    const to = events[events.length - 1].position;
    await this.checkpoints.advance(em, cityId, projection.name, from, to, WORKER_ID);
    return to;
  }

  private step(cityId: CityId, projection: Projection, batchSize: number): Promise<Step> {
    return this.locked(cityId, projection, async (em, from) => {
      const events = await this.events.readLog(cityId, from, batchSize, em);
      if (events.length === 0) return { kind: 'idle', position: from };
      const position = await this.applyBatch(em, cityId, projection, from, events);
      return { kind: 'applied', count: events.length, position };
    });
  }

  private async deadLetter(
    em: EntityManager,
    cityId: CityId,
    projection: Projection,
    event: RecordedEvent,
    error: unknown,
  ): Promise<void> {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    await em.query(
      `INSERT INTO projection_dead_letters (tenant_id, projection, position, event_id, event_type, error)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [cityId, projection.name, event.position, event.eventId, event.type, message.slice(0, 4_000)],
    );
    this.logger.error(
      { cityId, projection: projection.name, position: event.position, error: message },
      'Event dead-lettered',
    );
  }

  private locked(
    cityId: CityId,
    projection: Projection,
    work: (em: EntityManager, from: number) => Promise<Step>,
  ): Promise<Step> {
    return this.db.inCity(cityId, async (em) => {
      const [{ locked }] = await em.query<{ locked: boolean }[]>(
        `SELECT pg_try_advisory_xact_lock(hashtext($1), hashtext($2)) AS locked`,
        [projection.name, cityId],
      );
      if (!locked) return { kind: 'busy' };
      return work(em, await this.checkpoints.read(em, cityId, projection.name));
    });
  }
}
