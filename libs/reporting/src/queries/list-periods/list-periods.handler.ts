import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { ProjectionWaiter } from '@rl/projections';
import { PeriodsReadModel } from '../../persistence/periods.repository';
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
export class ListPeriodsHandler implements IQueryHandler<ListPeriodsQuery, Page<PeriodView>> {
  constructor(
    private readonly periods: PeriodsReadModel,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, page, minPosition }: ListPeriodsQuery): Promise<Page<PeriodView>> {
    const after = cursorOf(page, ['date', 'date', 'uuid']);
    await this.waiter.waitFor(cityId, PERIODS_PROJECTION, minPosition);
    const rows = await this.periods.page(cityId, after, page.limit);
    return pageOf(rows, page.limit, (row) => [row.start, row.end, row.id], toPeriodView);
  }
}
