import { Query } from '@nestjs/cqrs';
import { Page, PageRequest } from '@rl/kernel';
import { CityContext } from '@rl/web';
import { MandateView } from '../../mandate.view';

export class ListMandatesQuery extends Query<Page<MandateView>> {
  constructor(
    readonly city: CityContext,
    readonly organisationId: string,
    readonly page: PageRequest,
    readonly minPosition?: number,
  ) {
    super();
  }
}
