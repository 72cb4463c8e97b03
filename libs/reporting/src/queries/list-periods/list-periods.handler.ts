import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { keysetPage, TenantDb } from '@rl/persistence';
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
export class ListPeriodsHandler implements IQueryHandler<ListPeriodsQuery, Page<PeriodView>> {
  constructor(
    private readonly db: TenantDb,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, page, minPosition }: ListPeriodsQuery): Promise<Page<PeriodView>> {
    const after = cursorOf(page, ['date', 'date', 'uuid']);
    await this.waiter.waitFor(cityId, PERIODS_PROJECTION, minPosition);
    // By start, end, then id: the index IDX_periods_start serves the keyset.
    const rows = await this.db.inCity(cityId, (em) =>
      keysetPage(
        em.createQueryBuilder(PeriodRecord, 'p'),
        ['p.start', 'p.end', 'p.id'],
        after,
        page.limit,
      ).getMany(),
    );
    return pageOf(rows, page.limit, (row) => [row.start, row.end, row.id], toPeriodView);
  }
}
