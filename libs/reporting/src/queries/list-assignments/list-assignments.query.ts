import { Query } from '@nestjs/cqrs';
import { CityId, Page, PageRequest } from '@rl/kernel';
import { AssignmentsWhere } from '../../persistence/submissions.repository';
import { AssignmentView } from '../../reporting.view';

export type AssignmentFilter = AssignmentsWhere & { minPosition?: number };

export class ListAssignmentsQuery extends Query<Page<AssignmentView>> {
  constructor(
    readonly cityId: CityId,
    readonly filter: AssignmentFilter,
    readonly page: PageRequest,
  ) {
    super();
  }
}
