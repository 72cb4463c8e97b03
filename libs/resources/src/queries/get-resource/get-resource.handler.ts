import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { ProjectionWaiter } from '@rl/projections';
import { resourceDecider } from '../../domain/resource.decider';
import { ResourceErrors } from '../../domain/resource.errors';
import { resourceStream } from '../../domain/resource.events';
import { ResourcesReadModel } from '../../persistence/resources.repository';
import { RESOURCES_PROJECTION } from '../../projections/resources.projection';
import { ResourceView } from '../../resource.view';
import { rowView, toResourceView } from '../resource-views';
import { GetResourceQuery } from './get-resource.query';

@QueryHandler(GetResourceQuery)
export class GetResourceHandler implements IQueryHandler<GetResourceQuery, ResourceView> {
  constructor(
    private readonly resources: ResourcesReadModel,
    private readonly waiter: ProjectionWaiter,
    private readonly aggregates: Aggregates,
  ) {}

  async execute({ cityId, resourceId, options }: GetResourceQuery): Promise<ResourceView> {
    if (options.asOf) {
      // As it was then: computed from its events up to that instant, not from the read model.
      const past = await this.aggregates.load(cityId, resourceDecider, resourceStream(resourceId), {
        asOf: options.asOf,
      });
      if (!past.state.exists || !past.createdAt || !past.updatedAt) throw ResourceErrors.NOT_FOUND();
      const { offeredBy, details, status } = past.state;
      const { version, createdAt, updatedAt } = past;
      return toResourceView({ id: resourceId, offeredBy, details, status, version, createdAt, updatedAt });
    }
    await this.waiter.waitFor(cityId, RESOURCES_PROJECTION, options.minPosition);
    const row = await this.resources.byId(cityId, resourceId);
    if (!row) throw ResourceErrors.NOT_FOUND();
    return rowView(row);
  }
}
