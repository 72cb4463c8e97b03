import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventStore } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { Checkpoints } from './checkpoints';
import { Projection } from './projection';
import { ProjectionRegistry } from './projection-registry';
import { ProjectionRunner } from './projection-runner';
import { inScratchFold } from './scratch-fold';

// Events read per statement of the replay; every projection folds each batch in turn.
const FOLD_BATCH = 20_000;

// Where the projections keep their place and their poison events: copied, so the replay moves its own.
const RUNNER_TABLES = ['projection_checkpoints', 'projection_dead_letters'];

// Every table a projection writes, its read model and what it writes besides (an outbox, a wake-up mark).
export const writtenTables = (projection: Projection): string[] => [
  ...projection.tables,
  ...(projection.replay?.alsoWrites ?? []),
];

// The read models rebuilt from a city's log inside the caller's scratch transaction
// (TenantDb.inCityScratch, which always rolls back): every table the projections write is shadowed on
// the search_path by an empty temporary copy, the transaction turns read-only, so the replay can write
// nothing but its copies, and no wake-up leaves it (inScratchFold). Each projection is folded up to its
// own target position; what the caller reads afterwards through `em` are the copies.
@Injectable()
export class ScratchReplay {
  constructor(
    private readonly events: EventStore,
    private readonly registry: ProjectionRegistry,
    private readonly runner: ProjectionRunner,
    private readonly checkpoints: Checkpoints,
  ) {}

  // Returns the replayed projections, by name.
  async fold(
    em: EntityManager,
    cityId: CityId,
    target: (projection: Projection) => number,
    progress?: (reached: number, end: number) => Promise<void>,
  ): Promise<Projection[]> {
    const projections = this.registry.all().sort((a, b) => a.name.localeCompare(b.name));
    for (const table of new Set([...RUNNER_TABLES, ...projections.flatMap(writtenTables)]))
      await em.query(`CREATE TEMP TABLE "${table}" (LIKE public."${table}" INCLUDING ALL) ON COMMIT DROP`);
    await em.query('SET TRANSACTION READ ONLY');
    await em.query('SET LOCAL search_path = pg_temp, public');
    await inScratchFold(() => this.replay(em, cityId, projections, target, progress));
    return projections;
  }

  // Folds the log once, batch by batch, each projection up to its target.
  private async replay(
    em: EntityManager,
    cityId: CityId,
    projections: Projection[],
    target: (projection: Projection) => number,
    progress?: (reached: number, end: number) => Promise<void>,
  ): Promise<void> {
    // The copied checkpoint table starts empty: each projection's row is created at 0 here.
    const reached = new Map<string, number>();
    for (const projection of projections)
      reached.set(projection.name, await this.checkpoints.read(em, cityId, projection.name));
    const end = Math.max(0, ...projections.map(target));
    for (let after = 0; after < end;) {
      const batch = await this.events.readLog(cityId, after, FOLD_BATCH, em);
      if (batch.length === 0) break;
      for (const projection of projections) {
        const upTo = target(projection);
        const slice = batch.filter((event) => event.position <= upTo);
        if (slice.length === 0) continue;
        const from = reached.get(projection.name) ?? 0;
        reached.set(projection.name, await this.runner.applyBatch(em, cityId, projection, from, slice));
      }
      after = batch[batch.length - 1].position;
      await progress?.(Math.min(after, end), end);
    }
  }
}
