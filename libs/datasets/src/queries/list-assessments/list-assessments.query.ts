import { Query } from '@nestjs/cqrs';
import { CityId, Page, PageRequest } from '@rl/kernel';
import { AssessmentView } from '../../dataset.view';

export class ListAssessmentsQuery extends Query<Page<AssessmentView>> {
  constructor(
    readonly cityId: CityId,
    readonly datasetId: string,
    readonly page: PageRequest,
    readonly minPosition?: number,
  ) {
    super();
  }
}
