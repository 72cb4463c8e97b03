import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventStore } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import {
  Checkpoints,
  inScratchFold,
  Projection,
  ProjectionRegistry,
  ProjectionRunner,
} from '@rl/projections';
import { verificationRunning } from '../domain/audit.errors';
import { ReadModelsView, SkippedTableView } from './read-models.view';
import { diffTable } from './table-diff';

// Events read per statement of the replay; every projection folds each batch in turn.
const FOLD_BATCH = 20_000;

// Where the projections keep their place and their poison events: copied, so the replay moves its own.
const RUNNER_TABLES = ['projection_checkpoints', 'projection_dead_letters'];

// Derived from every city's published rows (compared here, city by city) by the comparison job.
const CROSS_CITY: SkippedTableView[] = [
  { table: 'comparison_results', reason: "cross-city: recomputed from every city's published_* rows" },
];

// Rebuilds a city's read models (published_* included) from its log in a scratch space and compares
// them with the live ones. One REPEATABLE READ transaction that always rolls back: temporary copies of
// every table the projections write shadow the live ones on the search_path, then the transaction turns
// read-only, so the replay can write nothing but its copies, and no wake-up leaves it (inScratchFold).
// Each projection is replayed up to its own live checkpoint in the same snapshot, so a projection that
// lags the head is compared where it stands, never reported as different for being behind.
@Injectable()
export class ReadModelVerifier {
  constructor(
    private readonly db: TenantDb,
    private readonly events: EventStore,
    private readonly registry: ProjectionRegistry,
    private readonly runner: ProjectionRunner,
    private readonly checkpoints: Checkpoints,
  ) {}

  verify(cityId: CityId): Promise<ReadModelsView> {
    const started = performance.now();
    return this.db.inCityScratch(cityId, async (em) => {
      // A replay costs as much as a rebuild: one per city at a time, across processes.
      const [{ locked }] = await em.query<{ locked: boolean }[]>(
        `SELECT pg_try_advisory_xact_lock(hashtext('audit-read-models'), hashtext($1)) AS locked`,
        [cityId],
      );
      if (!locked) throw verificationRunning();
      const projections = this.registry.all().sort((a, b) => a.name.localeCompare(b.name));
      const headPosition = await this.events.headPosition(cityId, em);
      const live = await this.liveCheckpoints(em, cityId);
      for (const table of new Set([...RUNNER_TABLES, ...projections.flatMap(written)]))
        await em.query(`CREATE TEMP TABLE "${table}" (LIKE public."${table}" INCLUDING ALL) ON COMMIT DROP`);
      await em.query('SET TRANSACTION READ ONLY');
      await em.query('SET LOCAL search_path = pg_temp, public');
      await inScratchFold(() => this.replay(em, cityId, projections, live));

      const checks = [];
      for (const projection of projections) {
        const { notReproducible = {}, volatileColumns = {} } = projection.replay ?? {};
        const tables = [];
        for (const table of projection.tables.filter((t) => !(t in notReproducible)))
          tables.push(await diffTable(em, cityId, table, volatileColumns[table] ?? []));
        const checkpoint = live.get(projection.name) ?? 0;
        checks.push({
          projection: projection.name,
          checkpoint,
          behind: Math.max(0, headPosition - checkpoint),
          tables,
        });
      }
      return {
        ok: checks.every((c) => c.tables.every((t) => t.missing + t.extra + t.changed === 0)),
        headPosition,
        projections: checks,
        skipped: [...projections.flatMap(skipped), ...CROSS_CITY],
        durationMs: Math.round(performance.now() - started),
      };
    });
  }

  private async liveCheckpoints(em: EntityManager, cityId: CityId): Promise<Map<string, number>> {
    const rows = await em.query<{ projection: string; position: string }[]>(
      `SELECT projection, position FROM public.projection_checkpoints WHERE tenant_id = $1`,
      [cityId],
    );
    return new Map(rows.map((r) => [r.projection, Number(r.position)]));
  }

  // Folds the log once, batch by batch, each projection up to its live checkpoint.
  private async replay(
    em: EntityManager,
    cityId: CityId,
    projections: Projection[],
    upTo: Map<string, number>,
  ): Promise<void> {
    const reached = new Map<string, number>();
    for (const projection of projections)
      reached.set(projection.name, await this.checkpoints.read(em, cityId, projection.name));
    const end = Math.max(0, ...upTo.values());
    for (let after = 0; after < end;) {
      const batch = await this.events.readLog(cityId, after, FOLD_BATCH, em);
      if (batch.length === 0) break;
      for (const projection of projections) {
        const target = upTo.get(projection.name) ?? 0;
        const slice = batch.filter((event) => event.position <= target);
        if (slice.length === 0) continue;
        const from = reached.get(projection.name) ?? 0;
        reached.set(projection.name, await this.runner.applyBatch(em, cityId, projection, from, slice));
      }
      after = batch[batch.length - 1].position;
    }
  }
}

const written = (projection: Projection): string[] => [
  ...projection.tables,
  ...(projection.replay?.alsoWrites ?? []),
];

const skipped = (projection: Projection): SkippedTableView[] => [
  ...Object.entries(projection.replay?.notReproducible ?? {}).map(([table, reason]) => ({ table, reason })),
  ...(projection.replay?.alsoWrites ?? []).map((table) => ({
    table,
    reason: `written by ${projection.name} besides its read model (an outbox or a wake-up mark): replayed, not compared`,
  })),
];
