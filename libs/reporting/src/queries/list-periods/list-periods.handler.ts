import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TenantDb } from '@rl/persistence';
import { ProjectionWaiter } from '@rl/projections';
import { PeriodRecord } from '../../projections/period.entity';
import { PERIODS_PROJECTION } from '../../projections/periods.projection';
import { PeriodView } from '../../reporting.view';
import { ListPeriodsQuery } from './list-periods.query';

export const toPeriodView = (row: PeriodRecord): PeriodView => ({
  id: row.id,
  code: row.code,
  granularity: row.granularity,
  start: row.start,
  end: row.end,
  deadline: row.deadline.toISOString(),
  timezone: row.timezone,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

@QueryHandler(ListPeriodsQuery)
export class ListPeriodsHandler implements IQueryHandler<ListPeriodsQuery, PeriodView[]> {
  constructor(
    private readonly db: TenantDb,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, minPosition }: ListPeriodsQuery): Promise<PeriodView[]> {
    await this.waiter.waitFor(cityId, PERIODS_PROJECTION, minPosition);
    const rows = await this.db.inCity(cityId, (em) =>
      em.find(PeriodRecord, { order: { start: 'ASC', end: 'ASC' } }),
    );
    return rows.map(toPeriodView);
  }
}
