import { Query } from '@nestjs/cqrs';
import { CityId, Page, PageRequest } from '@rl/kernel';
import { PeriodView } from '../../reporting.view';

export class ListPeriodsQuery extends Query<Page<PeriodView>> {
  constructor(
    readonly cityId: CityId,
    readonly page: PageRequest,
    readonly minPosition?: number,
  ) {
    super();
  }
}
