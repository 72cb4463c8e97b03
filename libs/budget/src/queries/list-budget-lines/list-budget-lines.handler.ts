import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { ProjectionWaiter } from '@rl/projections';
import { BudgetLineView } from '../../budget.views';
import { BudgetReadModel } from '../../persistence/budget.repository';
import { BUDGET_LINES_PROJECTION } from '../../projections/budget.projections';
import { toLineView } from '../budget-views';
import { ListBudgetLinesQuery } from './list-budget-lines.query';

@QueryHandler(ListBudgetLinesQuery)
export class ListBudgetLinesHandler implements IQueryHandler<ListBudgetLinesQuery, Page<BudgetLineView>> {
  constructor(
    private readonly budget: BudgetReadModel,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, page, minPosition }: ListBudgetLinesQuery): Promise<Page<BudgetLineView>> {
    const after = cursorOf(page, ['number', 'string', 'uuid']);
    await this.waiter.waitFor(cityId, BUDGET_LINES_PROJECTION, minPosition);
    const rows = await this.budget.lines(cityId, after, page.limit);
    return pageOf(rows, page.limit, (row) => [row.year, row.code, row.id], toLineView);
  }
}
