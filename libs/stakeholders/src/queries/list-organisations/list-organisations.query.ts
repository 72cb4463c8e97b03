import { Query } from '@nestjs/cqrs';
import { CityId, Page, PageRequest } from '@rl/kernel';
import { OrganisationView } from '../../organisation.view';

export class ListOrganisationsQuery extends Query<Page<OrganisationView>> {
  constructor(
    readonly cityId: CityId,
    readonly page: PageRequest,
    readonly minPosition?: number,
  ) {
    super();
  }
}
