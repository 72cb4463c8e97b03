import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { IndicatorErrors } from '@rl/indicators';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { ProjectionWaiter } from '@rl/projections';
import { FundedProjectView } from '../../budget.views';
import { BudgetReadModel } from '../../persistence/budget.repository';
import { FUNDED_PROJECTS_PROJECTION } from '../../projections/budget.projections';
import { toProjectView } from '../budget-views';
import { IndicatorFundedProjectsQuery } from './indicator-funded-projects.query';

// The funded projects that declared a contribution to one of the city's indicators.
@QueryHandler(IndicatorFundedProjectsQuery)
export class IndicatorFundedProjectsHandler implements IQueryHandler<
  IndicatorFundedProjectsQuery,
  Page<FundedProjectView>
> {
  constructor(
    private readonly budget: BudgetReadModel,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, indicatorId, page, minPosition }: IndicatorFundedProjectsQuery) {
    const after = cursorOf(page, ['uuid']);
    await this.waiter.waitFor(cityId, FUNDED_PROJECTS_PROJECTION, minPosition);
    if (!(await this.budget.hasIndicator(cityId, indicatorId))) throw IndicatorErrors.NOT_FOUND();
    const rows = await this.budget.projectsFor(cityId, indicatorId, after, page.limit);
    return pageOf(rows, page.limit, (row) => [row.id], toProjectView);
  }
}
