import { Query } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { SubmissionView } from '../../reporting.view';

export class GetSubmissionQuery extends Query<SubmissionView> {
  constructor(
    readonly cityId: CityId,
    readonly submissionId: string,
    readonly minPosition?: number,
  ) {
    super();
  }
}
