import { Injectable, Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import { EntityManager } from 'typeorm';
import { EventStore, RecordedEvent } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { Checkpoints } from './checkpoints';
import { Projection } from './projection';

export const WORKER_ID = `${hostname()}:${process.pid}`;
const DEFAULT_BATCH = 1_000;

type Step =
  | { kind: 'busy' }
  | { kind: 'idle'; position: number }
  | { kind: 'applied'; count: number; position: number };

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
  ) {}

  // Returns the checkpoint reached, or null when another worker owns the projection right now.
  async catchUp(cityId: CityId, projection: Projection, batchSize = DEFAULT_BATCH): Promise<number | null> {
    for (;;) {
      let step: Step;
      try {
        step = await this.step(cityId, projection, batchSize);
        // A short batch reached the head; anything appended since brings its own wake-up.
        if (step.kind === 'applied' && step.count < batchSize) return step.position;
      } catch (error) {
        this.logger.warn(
          { cityId, projection: projection.name, err: error },
          'Batch failed; applying its events one by one',
        );
        step = await this.isolatePoison(cityId, projection, batchSize);
      }
      if (step.kind === 'busy') return null;
      if (step.kind === 'idle') return step.position;
    }
  }

  // Applies `events` (already read under the lock) and moves the checkpoint past the last of them.
  async applyBatch(
    em: EntityManager,
    cityId: CityId,
    projection: Projection,
    from: number,
    events: RecordedEvent[],
  ): Promise<number> {
    const relevant = events.filter((event) => projection.handles.includes(event.type));
    if (relevant.length > 0) await projection.apply(em, cityId, relevant);
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

  // A batch failed: retry its events one per transaction; the one that fails alone is parked in the
  // dead-letter table with its error and skipped, so the projection (and other cities) keep flowing.
  private async isolatePoison(cityId: CityId, projection: Projection, batchSize: number): Promise<Step> {
    for (let i = 0; i < batchSize; i++) {
      try {
        const step = await this.step(cityId, projection, 1);
        if (step.kind !== 'applied') return step;
      } catch (error) {
        return this.deadLetter(cityId, projection, error);
      }
    }
    return { kind: 'applied', count: 0, position: -1 };
  }

  private deadLetter(cityId: CityId, projection: Projection, error: unknown): Promise<Step> {
    return this.locked(cityId, projection, async (em, from) => {
      const [poison] = await this.events.readLog(cityId, from, 1, em);
      if (!poison) return { kind: 'idle', position: from };
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      await em.query(
        `INSERT INTO projection_dead_letters (tenant_id, projection, position, event_id, event_type, error)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [cityId, projection.name, poison.position, poison.eventId, poison.type, message.slice(0, 4_000)],
      );
      await this.checkpoints.advance(em, cityId, projection.name, from, poison.position, WORKER_ID);
      this.logger.error(
        { cityId, projection: projection.name, position: poison.position, error: message },
        'Event dead-lettered',
      );
      return { kind: 'applied', count: 1, position: poison.position };
    });
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
