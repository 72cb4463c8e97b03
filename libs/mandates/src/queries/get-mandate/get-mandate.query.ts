import { Query } from '@nestjs/cqrs';
import { CityContext } from '@rl/web';
import { MandateView } from '../../mandate.view';

export class GetMandateQuery extends Query<MandateView> {
  constructor(
    readonly city: CityContext,
    readonly organisationId: string,
    readonly mandateId: string,
    readonly options: { asOf?: Date; minPosition?: number },
  ) {
    super();
  }
}
