import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { ProjectionWaiter } from '@rl/projections';
import { SubmissionsReadModel } from '../../persistence/submissions.repository';
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
    private readonly submissions: SubmissionsReadModel,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, filter, page }: ListSubmissionsQuery): Promise<Page<SubmissionView>> {
    const after = cursorOf(page, ['uuid']);
    await this.waiter.waitFor(cityId, SUBMISSIONS_PROJECTION, filter.minPosition);
    const { minPosition: _, ...where } = filter;
    const rows = await this.submissions.page(cityId, where, after, page.limit);
    return pageOf(rows, page.limit, (row) => [row.id], toSubmissionView);
  }
}
