import { Query } from '@nestjs/cqrs';
import { CityId, Page, PageRequest } from '@rl/kernel';
import { CallView } from '../../budget.views';

export class ListCallsQuery extends Query<Page<CallView>> {
  constructor(
    readonly cityId: CityId,
    readonly page: PageRequest,
    readonly minPosition?: number,
  ) {
    super();
  }
}
