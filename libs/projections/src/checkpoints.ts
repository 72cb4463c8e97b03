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
  standing(cityId: CityId, projection: string): Promise<{ position: number; head: number }> {
    return this.db.inCity(cityId, async (em) => {
      const [row] = await em.query<{ position: string | null; head: string | null }[]>(
        `SELECT (SELECT position FROM projection_checkpoints WHERE tenant_id = $1 AND projection = $2) AS position,
                (SELECT last_position FROM tenant_heads WHERE tenant_id = $1) AS head`,
        [cityId, projection],
      );
      return { position: Number(row.position ?? 0), head: Number(row.head ?? 0) };
    });
  }

  position(cityId: CityId, projection: string): Promise<number> {
    return this.db.inCity(cityId, async (em) => {
      const rows = await em.query<{ position: string }[]>(
        `SELECT position FROM projection_checkpoints WHERE tenant_id = $1 AND projection = $2`,
        [cityId, projection],
      );
      return Number(rows[0]?.position ?? 0);
    });
  }
}
