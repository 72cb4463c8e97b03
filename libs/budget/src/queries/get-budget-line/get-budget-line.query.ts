import { Query } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { BudgetLineView } from '../../budget.views';

export class GetBudgetLineQuery extends Query<BudgetLineView> {
  constructor(
    readonly cityId: CityId,
    readonly lineId: string,
    readonly minPosition?: number,
  ) {
    super();
  }
}
