import { Query } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { OrganisationView } from '../../organisation.view';

export class GetOrganisationQuery extends Query<OrganisationView> {
  constructor(
    readonly cityId: CityId,
    readonly organisationId: string,
    readonly options: { asOf?: Date; minPosition?: number },
  ) {
    super();
  }
}
