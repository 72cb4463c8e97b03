import { Query } from '@nestjs/cqrs';
import { PageRequest } from '@rl/kernel';
import { CityContext } from '@rl/web';
import { ParticipationView } from '../../mandate.view';

export class ParticipationQuery extends Query<ParticipationView> {
  constructor(
    readonly city: CityContext,
    readonly organisationId: string,
    readonly page: PageRequest,
    readonly minPosition?: number,
  ) {
    super();
  }
}
