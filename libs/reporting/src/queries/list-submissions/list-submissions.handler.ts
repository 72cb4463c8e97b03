import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TenantDb } from '@rl/persistence';
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
export class ListSubmissionsHandler implements IQueryHandler<ListSubmissionsQuery, SubmissionView[]> {
  constructor(
    private readonly db: TenantDb,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, filter }: ListSubmissionsQuery): Promise<SubmissionView[]> {
    await this.waiter.waitFor(cityId, SUBMISSIONS_PROJECTION, filter.minPosition);
    const { indicatorId, periodId, organisationId, status } = filter;
    const rows = await this.db.inCity(cityId, (em) =>
      em.find(SubmissionRecord, {
        where: {
          tenantId: cityId,
          ...(indicatorId && { indicatorId }),
          ...(periodId && { periodId }),
          ...(organisationId && { organisationId }),
          ...(status && { status }),
        },
        order: { createdAt: 'ASC', id: 'ASC' },
        take: 1000,
      }),
    );
    return rows.map(toSubmissionView);
  }
}
