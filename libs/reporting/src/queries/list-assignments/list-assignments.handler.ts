import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { ProjectionWaiter } from '@rl/projections';
import { SubmissionsReadModel } from '../../persistence/submissions.repository';
import { ASSIGNMENTS_PROJECTION } from '../../projections/assignments.projection';
import { AssignmentView } from '../../reporting.view';
import { ListAssignmentsQuery } from './list-assignments.query';

// Active assignments, with their period's code and current deadline from the periods read model. Only
// the assignments projection is awaited: the periods checkpoint moves only on period events, and a
// period is always recorded before any assignment to it.
@QueryHandler(ListAssignmentsQuery)
export class ListAssignmentsHandler implements IQueryHandler<ListAssignmentsQuery, Page<AssignmentView>> {
  constructor(
    private readonly submissions: SubmissionsReadModel,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, filter, page }: ListAssignmentsQuery): Promise<Page<AssignmentView>> {
    const after = cursorOf(page, ['date', 'uuid']);
    await this.waiter.waitFor(cityId, ASSIGNMENTS_PROJECTION, filter.minPosition);
    // By period start, then id (UUIDv7: creation order); a period missing from its read model sorts last.
    const { minPosition: _, ...where } = filter;
    const rows = await this.submissions.assignments(cityId, where, after, page.limit);
    return pageOf(
      rows,
      page.limit,
      (row) => [row.startKey, row.id],
      ({ startKey: _, ...row }) => ({
        ...row,
        deadline: row.deadline ? row.deadline.toISOString() : null,
        createdAt: row.createdAt.toISOString(),
      }),
    );
  }
}
