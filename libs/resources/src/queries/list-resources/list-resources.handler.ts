import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { ProjectionWaiter } from '@rl/projections';
import { ResourcesReadModel } from '../../persistence/resources.repository';
import { RESOURCES_PROJECTION } from '../../projections/resources.projection';
import { ResourceView } from '../../resource.view';
import { rowView } from '../resource-views';
import { ListResourcesQuery } from './list-resources.query';

@QueryHandler(ListResourcesQuery)
export class ListResourcesHandler implements IQueryHandler<ListResourcesQuery, Page<ResourceView>> {
  constructor(
    private readonly resources: ResourcesReadModel,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, filter, page, minPosition }: ListResourcesQuery): Promise<Page<ResourceView>> {
    const after = cursorOf(page, ['string', 'uuid']);
    await this.waiter.waitFor(cityId, RESOURCES_PROJECTION, minPosition);
    const rows = await this.resources.page(cityId, filter, after, page.limit);
    return pageOf(rows, page.limit, (row) => [row.title, row.id], rowView);
  }
}
