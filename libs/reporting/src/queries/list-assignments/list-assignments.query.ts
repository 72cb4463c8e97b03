import { Query } from '@nestjs/cqrs';
import { CityId, Page, PageRequest } from '@rl/kernel';
import { AssignmentView } from '../../reporting.view';

export interface AssignmentFilter {
  periodId?: string;
  organisationId?: string;
  indicatorId?: string;
  minPosition?: number;
}

export class ListAssignmentsQuery extends Query<Page<AssignmentView>> {
  constructor(
    readonly cityId: CityId,
    readonly filter: AssignmentFilter,
    readonly page: PageRequest,
  ) {
    super();
  }
}
