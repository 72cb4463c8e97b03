import { Query } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { PeriodView } from '../../reporting.view';

export class GetPeriodQuery extends Query<PeriodView> {
  constructor(
    readonly cityId: CityId,
    readonly periodId: string,
    readonly minPosition?: number,
  ) {
    super();
  }
}
