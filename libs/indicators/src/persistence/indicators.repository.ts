import { Injectable } from '@nestjs/common';
import { CityId, CursorKey } from '@rl/kernel';
import { keysetPage, TenantDb } from '@rl/persistence';
import { IndicatorRecord } from '../projections/indicator.entity';
import { ListIndicatorsDto } from '../read-options.dto';

export type IndicatorFilters = Pick<
  ListIndicatorsDto,
  'type' | 'right' | 'status' | 'framework' | 'frameworkCode'
>;

// The indicator catalogue read model, as queries read it.
export abstract class IndicatorsReadModel {
  abstract byId(cityId: CityId, id: string): Promise<IndicatorRecord | null>;
  // By code, then id, after the keyset cursor.
  abstract page(
    cityId: CityId,
    filters: IndicatorFilters,
    after: CursorKey | undefined,
    limit: number,
  ): Promise<IndicatorRecord[]>;
}

@Injectable()
export class PgIndicatorsReadModel implements IndicatorsReadModel {
  constructor(private readonly db: TenantDb) {}

  byId(cityId: CityId, id: string): Promise<IndicatorRecord | null> {
    return this.db.inCity(cityId, (em) => em.findOneBy(IndicatorRecord, { tenantId: cityId, id }));
  }

  page(
    cityId: CityId,
    filters: IndicatorFilters,
    after: CursorKey | undefined,
    limit: number,
  ): Promise<IndicatorRecord[]> {
    return this.db.inCity(cityId, (em) => {
      const query = em.createQueryBuilder(IndicatorRecord, 'i');
      if (filters.type) query.andWhere('i.type = :type', { type: filters.type });
      if (filters.right) query.andWhere('i.right = :right', { right: filters.right });
      if (filters.status) query.andWhere('i.status = :status', { status: filters.status });
      // One reference must match both framework and code when both are given.
      const ref: Record<string, string> = {};
      if (filters.framework) ref.framework = filters.framework;
      if (filters.frameworkCode) ref.code = filters.frameworkCode;
      if (Object.keys(ref).length > 0) {
        query.andWhere('i.framework_refs @> :ref::jsonb', { ref: JSON.stringify([ref]) });
      }
      // The index IDX_indicators_code serves the keyset.
      return keysetPage(query, ['i.code', 'i.id'], after, limit).getMany();
    });
  }
}
