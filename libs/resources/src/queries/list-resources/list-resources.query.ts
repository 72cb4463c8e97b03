import { Query } from '@nestjs/cqrs';
import { CityId, Page, PageRequest } from '@rl/kernel';
import { ResourceFilter } from '../../persistence/resources.repository';
import { ResourceView } from '../../resource.view';

export class ListResourcesQuery extends Query<Page<ResourceView>> {
  constructor(
    readonly cityId: CityId,
    readonly filter: ResourceFilter,
    readonly page: PageRequest,
    readonly minPosition?: number,
  ) {
    super();
  }
}
