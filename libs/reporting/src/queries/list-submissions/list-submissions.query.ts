import { Query } from '@nestjs/cqrs';
import { CityId, Page, PageRequest } from '@rl/kernel';
import { SubmissionsWhere } from '../../persistence/submissions.repository';
import { SubmissionView } from '../../reporting.view';

export type SubmissionFilter = SubmissionsWhere & { minPosition?: number };

export class ListSubmissionsQuery extends Query<Page<SubmissionView>> {
  constructor(
    readonly cityId: CityId,
    readonly filter: SubmissionFilter,
    readonly page: PageRequest,
  ) {
    super();
  }
}
