import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { keysetPage, TenantDb } from '@rl/persistence';
import { ProjectionWaiter } from '@rl/projections';
import { SubmissionRecord } from '../../projections/submission.entity';
import { SUBMISSIONS_PROJECTION } from '../../projections/submissions.projection';
import { SubmissionView } from '../../reporting.view';
import { ListSubmissionsQuery } from './list-submissions.query';

export const toSubmissionView = (row: SubmissionRecord): SubmissionView => ({
  id: row.id,
  indicatorId: row.indicatorId,
  periodId: row.periodId,
  organisationId: row.organisationId,
  status: row.status,
  late: row.late,
  observations: row.observations,
  definitionVersion: row.definitionVersion,
  series: row.series,
  source: row.source,
  note: row.note,
  returnReason: row.returnReason,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

@QueryHandler(ListSubmissionsQuery)
export class ListSubmissionsHandler implements IQueryHandler<ListSubmissionsQuery, Page<SubmissionView>> {
  constructor(
    private readonly db: TenantDb,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, filter, page }: ListSubmissionsQuery): Promise<Page<SubmissionView>> {
    const after = cursorOf(page, ['uuid']);
    await this.waiter.waitFor(cityId, SUBMISSIONS_PROJECTION, filter.minPosition);
    const { indicatorId, periodId, organisationId, status } = filter;
    // By id: ids are UUIDv7, so this is the order of creation, and the primary key serves the keyset.
    const rows = await this.db.inCity(cityId, (em) => {
      const query = em.createQueryBuilder(SubmissionRecord, 's').where('s.tenantId = :cityId', { cityId });
      if (indicatorId) query.andWhere('s.indicatorId = :indicatorId', { indicatorId });
      if (periodId) query.andWhere('s.periodId = :periodId', { periodId });
      if (organisationId) query.andWhere('s.organisationId = :organisationId', { organisationId });
      if (status) query.andWhere('s.status = :status', { status });
      return keysetPage(query, ['s.id'], after, page.limit).getMany();
    });
    return pageOf(rows, page.limit, (row) => [row.id], toSubmissionView);
  }
}
