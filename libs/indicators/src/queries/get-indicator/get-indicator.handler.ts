import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { ProjectionWaiter } from '@rl/projections';
import { indicatorDecider } from '../../domain/indicator.decider';
import { IndicatorErrors } from '../../domain/indicator.errors';
import { indicatorStream } from '../../domain/indicator.events';
import { IndicatorView } from '../../indicator.view';
import { IndicatorsReadModel } from '../../persistence/indicators.repository';
import {
  definitionColumns,
  INDICATOR_CATALOG_PROJECTION,
} from '../../projections/indicator-catalog.projection';
import { toIndicatorView } from '../list-indicators/list-indicators.handler';
import { GetIndicatorQuery } from './get-indicator.query';
import { LinkedTerms } from './linked-terms';

@QueryHandler(GetIndicatorQuery)
export class GetIndicatorHandler implements IQueryHandler<GetIndicatorQuery, IndicatorView> {
  constructor(
    private readonly indicators: IndicatorsReadModel,
    private readonly waiter: ProjectionWaiter,
    private readonly aggregates: Aggregates,
    private readonly terms: LinkedTerms,
  ) {}

  async execute({ cityId, indicatorId, options }: GetIndicatorQuery): Promise<IndicatorView> {
    const view = await this.definition(cityId, indicatorId, options);
    return { ...view, linkedTerms: await this.terms.of(cityId, view.terms, options) };
  }

  private async definition(
    cityId: CityId,
    indicatorId: string,
    options: GetIndicatorQuery['options'],
  ): Promise<IndicatorView> {
    if (options.asOf) {
      // As it was then: computed from its events up to that instant, not from the read model.
      const past = await this.aggregates.load(cityId, indicatorDecider, indicatorStream(indicatorId), {
        asOf: options.asOf,
      });
      if (!past.state.exists || !past.createdAt || !past.updatedAt) throw IndicatorErrors.NOT_FOUND();
      const { definition, status, series } = past.state;
      return {
        id: indicatorId,
        ...definitionColumns(definition),
        status,
        series,
        version: past.version,
        createdAt: past.createdAt.toISOString(),
        updatedAt: past.updatedAt.toISOString(),
      };
    }
    await this.waiter.waitFor(cityId, INDICATOR_CATALOG_PROJECTION, options.minPosition);
    const row = await this.indicators.byId(cityId, indicatorId);
    if (!row) throw IndicatorErrors.NOT_FOUND();
    return toIndicatorView(row);
  }
}
