import { Query } from '@nestjs/cqrs';
import { CityId, Page, PageRequest } from '@rl/kernel';
import { FundedProjectView } from '../../budget.views';

export class IndicatorFundedProjectsQuery extends Query<Page<FundedProjectView>> {
  constructor(
    readonly cityId: CityId,
    readonly indicatorId: string,
    readonly page: PageRequest,
    readonly minPosition?: number,
  ) {
    super();
  }
}
