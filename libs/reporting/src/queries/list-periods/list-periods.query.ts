import { Query } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { PeriodView } from '../../reporting.view';

export class ListPeriodsQuery extends Query<PeriodView[]> {
  constructor(
    readonly cityId: CityId,
    readonly minPosition?: number,
  ) {
    super();
  }
}
