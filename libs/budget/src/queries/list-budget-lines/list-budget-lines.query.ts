import { Query } from '@nestjs/cqrs';
import { CityId, Page, PageRequest } from '@rl/kernel';
import { BudgetLineView } from '../../budget.views';

export class ListBudgetLinesQuery extends Query<Page<BudgetLineView>> {
  constructor(
    readonly cityId: CityId,
    readonly page: PageRequest,
    readonly minPosition?: number,
  ) {
    super();
  }
}
