import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TenantDb } from '@rl/persistence';
import { ProjectionWaiter } from '@rl/projections';
import { PeriodErrors } from '../../domain/reporting.errors';
import { PeriodRecord } from '../../projections/period.entity';
import { PERIODS_PROJECTION } from '../../projections/periods.projection';
import { PeriodView } from '../../reporting.view';
import { toPeriodView } from '../list-periods/list-periods.handler';
import { GetPeriodQuery } from './get-period.query';

@QueryHandler(GetPeriodQuery)
export class GetPeriodHandler implements IQueryHandler<GetPeriodQuery, PeriodView> {
  constructor(
    private readonly db: TenantDb,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, periodId, minPosition }: GetPeriodQuery): Promise<PeriodView> {
    await this.waiter.waitFor(cityId, PERIODS_PROJECTION, minPosition);
    const row = await this.db.inCity(cityId, (em) =>
      em.findOneBy(PeriodRecord, { tenantId: cityId, id: periodId }),
    );
    if (!row) throw PeriodErrors.NOT_FOUND();
    return toPeriodView(row);
  }
}
