import { Query } from '@nestjs/cqrs';
import { CityId, Page, PageRequest } from '@rl/kernel';
import { SubmissionStatus } from '../../domain/submission.events';
import { SubmissionView } from '../../reporting.view';

export interface SubmissionFilter {
  indicatorId?: string;
  periodId?: string;
  organisationId?: string;
  status?: SubmissionStatus;
  minPosition?: number;
}

export class ListSubmissionsQuery extends Query<Page<SubmissionView>> {
  constructor(
    readonly cityId: CityId,
    readonly filter: SubmissionFilter,
    readonly page: PageRequest,
  ) {
    super();
  }
}
