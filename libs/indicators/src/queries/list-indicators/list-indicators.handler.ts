import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { keysetPage, TenantDb } from '@rl/persistence';
import { pageRequest } from '@rl/web';
import { ProjectionWaiter } from '@rl/projections';
import { IndicatorView } from '../../indicator.view';
import { IndicatorRecord } from '../../projections/indicator.entity';
import { INDICATOR_CATALOG_PROJECTION } from '../../projections/indicator-catalog.projection';
import { ListIndicatorsQuery } from './list-indicators.query';

export const toIndicatorView = (row: IndicatorRecord): IndicatorView => ({
  id: row.id,
  code: row.code,
  name: row.name,
  description: row.description,
  right: row.right,
  ohchrAttribute: row.ohchrAttribute,
  type: row.type,
  unit: row.unit,
  direction: row.direction,
  disaggregations: row.disaggregations,
  frameworkRefs: row.frameworkRefs,
  methodology: row.methodology,
  source: row.source,
  baseline: row.baseline,
  target: row.target,
  status: row.status,
  series: row.series,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

@QueryHandler(ListIndicatorsQuery)
export class ListIndicatorsHandler implements IQueryHandler<ListIndicatorsQuery, Page<IndicatorView>> {
  constructor(
    private readonly db: TenantDb,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, filters }: ListIndicatorsQuery): Promise<Page<IndicatorView>> {
    const page = pageRequest(filters);
    const after = cursorOf(page, ['string', 'uuid']);
    await this.waiter.waitFor(cityId, INDICATOR_CATALOG_PROJECTION, filters.minPosition);
    const rows = await this.db.inCity(cityId, (em) => {
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
      // By code, then id: the index IDX_indicators_code serves the keyset.
      return keysetPage(query, ['i.code', 'i.id'], after, page.limit).getMany();
    });
    return pageOf(rows, page.limit, (row) => [row.code, row.id], toIndicatorView);
  }
}
