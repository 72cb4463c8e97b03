import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProjectionWaiter } from '@rl/projections';
import { SubmissionErrors } from '../../domain/reporting.errors';
import { SubmissionsReadModel } from '../../persistence/submissions.repository';
import { SUBMISSIONS_PROJECTION } from '../../projections/submissions.projection';
import { SubmissionView } from '../../reporting.view';
import { toSubmissionView } from '../list-submissions/list-submissions.handler';
import { GetSubmissionQuery } from './get-submission.query';

@QueryHandler(GetSubmissionQuery)
export class GetSubmissionHandler implements IQueryHandler<GetSubmissionQuery, SubmissionView> {
  constructor(
    private readonly submissions: SubmissionsReadModel,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, submissionId, minPosition }: GetSubmissionQuery): Promise<SubmissionView> {
    await this.waiter.waitFor(cityId, SUBMISSIONS_PROJECTION, minPosition);
    const row = await this.submissions.byId(cityId, submissionId);
    if (!row) throw SubmissionErrors.NOT_FOUND();
    return toSubmissionView(row);
  }
}
