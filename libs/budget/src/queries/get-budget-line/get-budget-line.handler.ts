import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProjectionWaiter } from '@rl/projections';
import { BudgetLineView } from '../../budget.views';
import { BudgetErrors } from '../../domain/budget.errors';
import { BudgetReadModel } from '../../persistence/budget.repository';
import { BUDGET_LINES_PROJECTION } from '../../projections/budget.projections';
import { toLineView } from '../budget-views';
import { GetBudgetLineQuery } from './get-budget-line.query';

@QueryHandler(GetBudgetLineQuery)
export class GetBudgetLineHandler implements IQueryHandler<GetBudgetLineQuery, BudgetLineView> {
  constructor(
    private readonly budget: BudgetReadModel,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, lineId, minPosition }: GetBudgetLineQuery): Promise<BudgetLineView> {
    await this.waiter.waitFor(cityId, BUDGET_LINES_PROJECTION, minPosition);
    const row = await this.budget.line(cityId, lineId);
    if (!row) throw BudgetErrors.LINE_NOT_FOUND();
    return toLineView(row);
  }
}
