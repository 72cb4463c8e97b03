import { Query } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { IndicatorView } from '../../indicator.view';

export class GetIndicatorQuery extends Query<IndicatorView> {
  constructor(
    readonly cityId: CityId,
    readonly indicatorId: string,
    readonly options: { asOf?: Date; minPosition?: number; lang?: string },
  ) {
    super();
  }
}
