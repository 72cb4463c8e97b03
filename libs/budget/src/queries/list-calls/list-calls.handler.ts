import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { ProjectionWaiter } from '@rl/projections';
import { CallView } from '../../budget.views';
import { BudgetReadModel } from '../../persistence/budget.repository';
import { BUDGET_CALLS_PROJECTION } from '../../projections/budget.projections';
import { toCallView } from '../budget-views';
import { ListCallsQuery } from './list-calls.query';

@QueryHandler(ListCallsQuery)
export class ListCallsHandler implements IQueryHandler<ListCallsQuery, Page<CallView>> {
  constructor(
    private readonly budget: BudgetReadModel,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, page, minPosition }: ListCallsQuery): Promise<Page<CallView>> {
    const after = cursorOf(page, ['uuid']);
    await this.waiter.waitFor(cityId, BUDGET_CALLS_PROJECTION, minPosition);
    const rows = await this.budget.calls(cityId, after, page.limit);
    return pageOf(rows, page.limit, (row) => [row.id], toCallView);
  }
}
