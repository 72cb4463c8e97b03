import { Injectable } from '@nestjs/common';
import { TenantDb } from '@rl/persistence';
import { combineStamps, ReadStamp, ReadStamps, StampScope } from '@rl/web';

export interface CheckpointRow {
  projection: string;
  position: string;
  updatedAt: Date;
}

// One city's stamp: every named projection's position in the given order (0 before it met the city).
export function checkpointStamp(
  cityId: string,
  projections: readonly string[],
  rows: readonly CheckpointRow[],
): ReadStamp {
  const byName = new Map(rows.map((row) => [row.projection, row]));
  return combineStamps([
    { key: cityId, modifiedAt: null },
    ...projections.map((name) => ({
      key: `${name}@${byName.get(name)?.position ?? 0}`,
      modifiedAt: byName.get(name)?.updatedAt ?? null,
    })),
  ]);
}

// The stamps of public reads, from the checkpoints: one indexed query per city, in one transaction.
@Injectable()
export class CheckpointStamps extends ReadStamps {
  constructor(private readonly db: TenantDb) {
    super();
  }

  of(scope: StampScope, projections: readonly string[]): Promise<ReadStamp | null> {
    return this.db.platform(async (em) => {
      const cities =
        scope === 'all'
          ? await em.query<{ id: string }[]>(`SELECT id FROM cities ORDER BY id`)
          : await em.query<{ id: string }[]>(`SELECT id FROM cities WHERE slug = $1`, [scope.city]);
      if (scope !== 'all' && cities.length === 0) return null;
      const stamps: ReadStamp[] = [];
      for (const { id } of cities) {
        // Checkpoints are tenant rows: each city's are visible under its own setting only.
        await em.query(`select set_config('app.tenant_id', $1, true)`, [id]);
        const rows = await em.query<CheckpointRow[]>(
          `SELECT projection, position, updated_at AS "updatedAt" FROM projection_checkpoints
            WHERE tenant_id = $1 AND projection = ANY($2::text[])`,
          [id, projections],
        );
        stamps.push(checkpointStamp(id, projections, rows));
      }
      return combineStamps(stamps);
    });
  }
}
