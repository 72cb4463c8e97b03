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
import { ReportPin } from '../domain/report.events';

// Events read per statement of the replay.
const FOLD_BATCH = 20_000;
// The projections' own bookkeeping, copied so the replay moves its own checkpoints.
const RUNNER_TABLES = ['projection_checkpoints', 'projection_dead_letters'];

// The read models exactly as they stood at one position of the city's log. In one REPEATABLE READ
// transaction that always rolls back: every projection's tables are shadowed by empty temporary copies,
// the transaction turns read-only, and the log up to the position is folded into the copies (as the
// read-model verifier does), so what `read` sees depends on the position alone — never on events that
// came later, nor on how far the live projections have got.
@Injectable()
export class PinnedReplay {
  constructor(
    private readonly db: TenantDb,
    private readonly events: EventStore,
    private readonly registry: ProjectionRegistry,
    private readonly runner: ProjectionRunner,
    private readonly checkpoints: Checkpoints,
  ) {}

  // `upTo` defaults to the city's head when the transaction starts.
  at<T>(
    cityId: CityId,
    read: (em: EntityManager, pin: ReportPin) => Promise<T>,
    options: { upTo?: number; progress?: (percent: number) => Promise<void> } = {},
  ): Promise<T> {
    return this.db.inCityScratch(cityId, async (em) => {
      const head = await this.events.headPosition(cityId, em);
      const pin = await pinAt(em, cityId, Math.min(options.upTo ?? head, head));
      const projections = this.registry.all().sort((a, b) => a.name.localeCompare(b.name));
      for (const table of new Set([...RUNNER_TABLES, ...projections.flatMap(written)]))
        await em.query(`CREATE TEMP TABLE "${table}" (LIKE public."${table}" INCLUDING ALL) ON COMMIT DROP`);
      await em.query('SET TRANSACTION READ ONLY');
      await em.query('SET LOCAL search_path = pg_temp, public');
      await inScratchFold(() => this.replay(em, cityId, projections, pin.position, options.progress));
      return read(em, pin);
    });
  }

  private async replay(
    em: EntityManager,
    cityId: CityId,
    projections: Projection[],
    end: number,
    progress?: (percent: number) => Promise<void>,
  ): Promise<void> {
    // The copied checkpoint table starts empty: each projection's row is created at 0 here.
    const reached = new Map<string, number>();
    for (const projection of projections)
      reached.set(projection.name, await this.checkpoints.read(em, cityId, projection.name));
    for (let after = 0; after < end;) {
      const batch = (await this.events.readLog(cityId, after, FOLD_BATCH, em)).filter(
        (event) => event.position <= end,
      );
      if (batch.length === 0) break;
      for (const projection of projections)
        reached.set(
          projection.name,
          await this.runner.applyBatch(em, cityId, projection, reached.get(projection.name) ?? 0, batch),
        );
      after = batch[batch.length - 1].position;
      await progress?.(Math.floor((after / end) * 90));
    }
  }
}

const written = (projection: Projection): string[] => [
  ...projection.tables,
  ...(projection.replay?.alsoWrites ?? []),
];

// The position's chain hash and instant, and the latest signed checkpoint at or before it.
async function pinAt(em: EntityManager, cityId: CityId, position: number): Promise<ReportPin> {
  const [event] = await em.query<{ hash: string; recorded_at: Date }[]>(
    `SELECT hash, recorded_at FROM events WHERE tenant_id = $1 AND position = $2`,
    [cityId, position],
  );
  const [checkpoint] = await em.query<
    { position: string; head_hash: string; signed_at: Date; key_id: string }[]
  >(
    `SELECT position, head_hash, signed_at, key_id FROM audit_checkpoints
      WHERE tenant_id = $1 AND position <= $2 ORDER BY position DESC, signed_at DESC LIMIT 1`,
    [cityId, position],
  );
  return {
    position,
    headHash: event?.hash ?? '',
    generatedAt: (event?.recorded_at ?? new Date(0)).toISOString(),
    checkpoint: checkpoint
      ? {
          position: Number(checkpoint.position),
          headHash: checkpoint.head_hash,
          signedAt: new Date(checkpoint.signed_at).toISOString(),
          keyId: checkpoint.key_id,
        }
      : null,
  };
}
