import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventStore } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { Projection, ScratchReplay } from '@rl/projections';
import { verificationRunning } from '../domain/audit.errors';
import { ReadModelsView, SkippedTableView } from './read-models.view';
import { diffTable } from './table-diff';

// Derived from every city's published rows (compared here, city by city) by the comparison job.
const CROSS_CITY: SkippedTableView[] = [
  { table: 'comparison_results', reason: "cross-city: recomputed from every city's published_* rows" },
];

// Rebuilds a city's read models (published_* included) from its log in a scratch space (ScratchReplay,
// one REPEATABLE READ transaction that always rolls back) and compares them with the live ones.
// Each projection is replayed up to its own live checkpoint in the same snapshot, so a projection that
// lags the head is compared where it stands, never reported as different for being behind.
@Injectable()
export class ReadModelVerifier {
  constructor(
    private readonly db: TenantDb,
    private readonly events: EventStore,
    private readonly scratch: ScratchReplay,
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
      const headPosition = await this.events.headPosition(cityId, em);
      const live = await this.liveCheckpoints(em, cityId);
      const projections = await this.scratch.fold(em, cityId, (p) => live.get(p.name) ?? 0);

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
}

const skipped = (projection: Projection): SkippedTableView[] => [
  ...Object.entries(projection.replay?.notReproducible ?? {}).map(([table, reason]) => ({ table, reason })),
  ...(projection.replay?.alsoWrites ?? []).map((table) => ({
    table,
    reason: `written by ${projection.name} besides its read model (an outbox or a wake-up mark): replayed, not compared`,
  })),
];
