import { Injectable } from '@nestjs/common';
import { CityId, CursorKey } from '@rl/kernel';
import { keysetCondition, TenantDb } from '@rl/persistence';

export interface FollowRow {
  indicatorId: string;
  code: string | null;
  name: Record<string, string> | null;
  followedAt: Date;
}

// A member's explicit follows of the city's indicators (the glossary-notices projection's table).
export abstract class IndicatorFollows {
  // By indicator id, after the keyset cursor; one row more than the limit tells of a next page.
  abstract page(
    cityId: CityId,
    userId: string,
    after: CursorKey | undefined,
    limit: number,
  ): Promise<FollowRow[]>;
}

@Injectable()
export class PgIndicatorFollows implements IndicatorFollows {
  constructor(private readonly db: TenantDb) {}

  page(cityId: CityId, userId: string, after: CursorKey | undefined, limit: number): Promise<FollowRow[]> {
    const params: unknown[] = [cityId, userId];
    const keyset = keysetCondition(['f.indicator_id'], after, params);
    params.push(limit + 1);
    return this.db.inCity(cityId, (em) =>
      em.query<FollowRow[]>(
        `SELECT f.indicator_id AS "indicatorId", i.code, i.name, f.followed_at AS "followedAt"
           FROM indicator_follows f
           LEFT JOIN indicators i ON i.tenant_id = f.tenant_id AND i.id = f.indicator_id
          WHERE f.tenant_id = $1 AND f.user_id = $2 AND ${keyset}
          ORDER BY f.indicator_id LIMIT $${params.length}`,
        params,
      ),
    );
  }
}
