import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';

export class StaleCheckpointError extends Error {
  constructor(projection: string, expected: number) {
    super(`Checkpoint of ${projection} moved away from ${expected}: another worker owns it now`);
    this.name = 'StaleCheckpointError';
  }
}

// Where each projection stands in each city's log.
@Injectable()
export class Checkpoints {
  constructor(private readonly db: TenantDb) {}

  // Creates the checkpoint at 0 the first time a projection meets a city.
  async read(em: EntityManager, cityId: CityId, projection: string): Promise<number> {
    const select = () =>
      em.query<{ position: string }[]>(
        `SELECT position FROM projection_checkpoints WHERE tenant_id = $1 AND projection = $2`,
        [cityId, projection],
      );
    let [row] = await select();
    if (!row) {
      await em.query(
        `INSERT INTO projection_checkpoints (tenant_id, projection) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
        [cityId, projection],
      );
      [row] = await select();
    }
    return Number(row.position);
  }

  // Compare-and-set: moves only from the position this worker read, so a stale worker cannot move it.
  async advance(
    em: EntityManager,
    cityId: CityId,
    projection: string,
    from: number,
    to: number,
    owner: string,
  ): Promise<void> {
    const [, affected] = await em.query<[unknown, number]>(
      `UPDATE projection_checkpoints SET position = $4, owner = $5, updated_at = now()
        WHERE tenant_id = $1 AND projection = $2 AND position = $3`,
      [cityId, projection, from, to, owner],
    );
    if (affected !== 1) throw new StaleCheckpointError(projection, from);
  }

  // The projection's position and the city's head (its last appended position), in one statement.
  // How far a projection has the city's log for a reader waiting on `upTo`: its checkpoint, or further
  // when none of the event types it handles lies after the checkpoint up to `upTo` (a write it ignores
  // must not make its readers wait). `handles` null: the checkpoint alone counts.
  reached(
    cityId: CityId,
    projection: string,
    handles: readonly string[] | null,
    upTo: number,
  ): Promise<{ position: number; head: number }> {
    return this.db.inCity(cityId, async (em) => {
      const [row] = await em.query<{ position: string; head: string }[]>(
        `WITH c AS (SELECT coalesce((SELECT position FROM projection_checkpoints
                                      WHERE tenant_id = $1 AND projection = $2), 0) AS position,
                           coalesce((SELECT last_position FROM tenant_heads WHERE tenant_id = $1), 0) AS head)
         SELECT c.head,
                CASE WHEN $4::text[] IS NULL THEN c.position
                     ELSE greatest(c.position, coalesce(
                       (SELECT min(e.position) - 1 FROM events e
                         WHERE e.tenant_id = $1 AND e.position > c.position
                           AND e.position <= least($3::bigint, c.head) AND e.type = ANY($4::text[])),
                       least($3::bigint, c.head)))
                END AS position
           FROM c`,
        [cityId, projection, upTo, handles === null ? null : [...handles]],
      );
      return { position: Number(row.position), head: Number(row.head) };
    });
  }

  position(cityId: CityId, projection: string): Promise<number> {
    return this.db.inCity(cityId, (em) => this.committed(em, cityId, projection));
  }

  // Where the projection stands as of this statement (0 before it met the city), without creating it.
  async committed(em: EntityManager, cityId: CityId, projection: string): Promise<number> {
    const rows = await em.query<{ position: string }[]>(
      `SELECT position FROM projection_checkpoints WHERE tenant_id = $1 AND projection = $2`,
      [cityId, projection],
    );
    return Number(rows[0]?.position ?? 0);
  }
}
