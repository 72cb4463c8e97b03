import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { pageRequest } from '@rl/web';
import { ProjectionWaiter } from '@rl/projections';
import { IndicatorView } from '../../indicator.view';
import { IndicatorsReadModel } from '../../persistence/indicators.repository';
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
  terms: row.terms,
  status: row.status,
  series: row.series,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

@QueryHandler(ListIndicatorsQuery)
export class ListIndicatorsHandler implements IQueryHandler<ListIndicatorsQuery, Page<IndicatorView>> {
  constructor(
    private readonly indicators: IndicatorsReadModel,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, filters }: ListIndicatorsQuery): Promise<Page<IndicatorView>> {
    const page = pageRequest(filters);
    const after = cursorOf(page, ['string', 'uuid']);
    await this.waiter.waitFor(cityId, INDICATOR_CATALOG_PROJECTION, filters.minPosition);
    const rows = await this.indicators.page(cityId, filters, after, page.limit);
    return pageOf(rows, page.limit, (row) => [row.code, row.id], toIndicatorView);
  }
}
