import { Query } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CompletenessView } from '../../reporting.view';

export class PeriodCompletenessQuery extends Query<CompletenessView> {
  constructor(
    readonly cityId: CityId,
    readonly periodId: string,
    readonly minPosition?: number,
  ) {
    super();
  }
}
