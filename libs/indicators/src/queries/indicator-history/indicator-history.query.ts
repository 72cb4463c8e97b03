import { Query } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { IndicatorVersionView } from '../../indicator.view';

export class IndicatorHistoryQuery extends Query<IndicatorVersionView[]> {
  constructor(
    readonly cityId: CityId,
    readonly indicatorId: string,
  ) {
    super();
  }
}
