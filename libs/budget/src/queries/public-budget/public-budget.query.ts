import { Query } from '@nestjs/cqrs';
import { PageRequest } from '@rl/kernel';
import { PublicBudgetView } from '../../public-budget.views';

export class PublicBudgetQuery extends Query<PublicBudgetView> {
  constructor(
    readonly citySlug: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}
