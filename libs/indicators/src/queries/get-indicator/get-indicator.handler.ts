import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { ProjectionWaiter } from '@rl/projections';
import { IndicatorHistory } from '../../indicator-history';
import { IndicatorView } from '../../indicator.view';
import { IndicatorRecord } from '../../projections/indicator.entity';
import { INDICATOR_CATALOG_PROJECTION } from '../../projections/indicator-catalog.projection';
import { toIndicatorView } from '../list-indicators/list-indicators.handler';
import { GetIndicatorQuery } from './get-indicator.query';

export const indicatorNotFound = () =>
  new DomainError('not_found', 'INDICATOR.NOT_FOUND', 'No such indicator');

@QueryHandler(GetIndicatorQuery)
export class GetIndicatorHandler implements IQueryHandler<GetIndicatorQuery, IndicatorView> {
  constructor(
    private readonly db: TenantDb,
    private readonly waiter: ProjectionWaiter,
    private readonly history: IndicatorHistory,
  ) {}

  async execute({ cityId, indicatorId, options }: GetIndicatorQuery): Promise<IndicatorView> {
    if (options.asOf) {
      // As it was then: computed from its events up to that instant, not from the read model.
      const past = await this.history.load(cityId, indicatorId, options.asOf);
      if (!past.state.exists || !past.createdAt || !past.updatedAt) throw indicatorNotFound();
      const { definition: d, status, series } = past.state;
      return {
        id: indicatorId,
        code: d.code,
        name: d.name,
        description: d.description ?? null,
        right: d.right,
        ohchrAttribute: d.ohchrAttribute ?? null,
        type: d.type,
        unit: d.unit,
        direction: d.direction,
        disaggregations: d.disaggregations,
        frameworkRefs: d.frameworkRefs,
        methodology: d.methodology ?? null,
        source: d.source ?? null,
        baseline: d.baseline ?? null,
        target: d.target ?? null,
        status,
        series,
        version: past.version,
        createdAt: past.createdAt.toISOString(),
        updatedAt: past.updatedAt.toISOString(),
      };
    }
    await this.waiter.waitFor(cityId, INDICATOR_CATALOG_PROJECTION, options.minPosition);
    const row = await this.db.inCity(cityId, (em) =>
      em.findOneBy(IndicatorRecord, { tenantId: cityId, id: indicatorId }),
    );
    if (!row) throw indicatorNotFound();
    return toIndicatorView(row);
  }
}
