import { Query } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { OrganisationView } from '../../organisation.view';

export class ListOrganisationsQuery extends Query<OrganisationView[]> {
  constructor(
    readonly cityId: CityId,
    readonly minPosition?: number,
  ) {
    super();
  }
}
