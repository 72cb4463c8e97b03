import { Injectable } from '@nestjs/common';
import { asCityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { HandlesJob, JobHandlerOf, JobPayloads } from '@rl/queue';
import { ProjectionRegistry } from './projection-registry';
import { ProjectionRunner } from './projection-runner';
import { ProjectionWakeups } from './projection-wakeups';
import { ReactorRunner } from './reactor-runner';

// Catches up a projection or a reactor (they share the job and the checkpoint table, by name).
@Injectable()
@HandlesJob('projections.catch-up')
export class CatchUpHandler implements JobHandlerOf<'projections.catch-up'> {
  constructor(
    private readonly registry: ProjectionRegistry,
    private readonly runner: ProjectionRunner,
    private readonly reactors: ReactorRunner,
  ) {}

  async handle({ cityId, projection }: JobPayloads['projections.catch-up']): Promise<void> {
    const reactor = this.registry.reactor(projection);
    if (reactor) await this.reactors.catchUp(asCityId(cityId), reactor);
    else await this.runner.catchUp(asCityId(cityId), this.registry.get(projection));
  }
}

// Postgres is the truth, Redis a wake-up channel that may lose everything: the sweep compares every
// city's head with each projection's checkpoint, and each reactor's checkpoint with its projection's,
// and wakes those behind. It runs on a timer in the worker, not as a BullMQ repeatable job, because a job
// scheduler is itself Redis state.
@Injectable()
export class ProjectionSweep {
  constructor(
    private readonly db: TenantDb,
    private readonly registry: ProjectionRegistry,
    private readonly wakeups: ProjectionWakeups,
  ) {}

  async sweep(): Promise<void> {
    const cities = await this.db.platform((em) => em.query<{ id: string }[]>(`SELECT id FROM cities`));
    const names = this.registry.all().map((p) => p.name);
    const reactors = this.registry.allReactors();
    for (const { id } of cities) {
      const cityId = asCityId(id);
      const behind = await this.db.inCity(cityId, (em) =>
        em.query<{ name: string }[]>(
          `SELECT p.name
             FROM unnest($2::text[]) AS p(name)
             JOIN tenant_heads h ON h.tenant_id = $1
             LEFT JOIN projection_checkpoints c ON c.tenant_id = $1 AND c.projection = p.name
            WHERE coalesce(c.position, 0) < h.last_position
           UNION ALL
           SELECT r.name
             FROM unnest($3::text[], $4::text[]) AS r(name, follows)
             JOIN projection_checkpoints f ON f.tenant_id = $1 AND f.projection = r.follows
             LEFT JOIN projection_checkpoints c ON c.tenant_id = $1 AND c.projection = r.name
            WHERE coalesce(c.position, 0) < f.position`,
          [cityId, names, reactors.map((r) => r.name), reactors.map((r) => r.follows)],
        ),
      );
      for (const { name } of behind) await this.wakeups.wake(cityId, name);
    }
  }
}
