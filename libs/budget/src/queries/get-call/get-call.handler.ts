import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProjectionWaiter } from '@rl/projections';
import { CallWithProjectsView } from '../../budget.views';
import { BudgetErrors } from '../../domain/budget.errors';
import { BudgetReadModel } from '../../persistence/budget.repository';
import { BUDGET_CALLS_PROJECTION, FUNDED_PROJECTS_PROJECTION } from '../../projections/budget.projections';
import { toCallView, toProjectView } from '../budget-views';
import { GetCallQuery } from './get-call.query';

@QueryHandler(GetCallQuery)
export class GetCallHandler implements IQueryHandler<GetCallQuery, CallWithProjectsView> {
  constructor(
    private readonly budget: BudgetReadModel,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, callId, minPosition }: GetCallQuery): Promise<CallWithProjectsView> {
    await this.waiter.waitFor(cityId, BUDGET_CALLS_PROJECTION, minPosition);
    await this.waiter.waitFor(cityId, FUNDED_PROJECTS_PROJECTION, minPosition);
    const row = await this.budget.call(cityId, callId);
    if (!row) throw BudgetErrors.CALL_NOT_FOUND();
    const projects = await this.budget.projectsOfCall(cityId, callId);
    return { ...toCallView(row), projects: projects.map(toProjectView) };
  }
}
