import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProjectionWaiter } from '@rl/projections';
import { PeriodErrors } from '../../domain/reporting.errors';
import { PeriodsReadModel } from '../../persistence/periods.repository';
import { PERIODS_PROJECTION } from '../../projections/periods.projection';
import { PeriodView } from '../../reporting.view';
import { toPeriodView } from '../list-periods/list-periods.handler';
import { GetPeriodQuery } from './get-period.query';

@QueryHandler(GetPeriodQuery)
export class GetPeriodHandler implements IQueryHandler<GetPeriodQuery, PeriodView> {
  constructor(
    private readonly periods: PeriodsReadModel,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, periodId, minPosition }: GetPeriodQuery): Promise<PeriodView> {
    await this.waiter.waitFor(cityId, PERIODS_PROJECTION, minPosition);
    const row = await this.periods.byId(cityId, periodId);
    if (!row) throw PeriodErrors.NOT_FOUND();
    return toPeriodView(row);
  }
}
