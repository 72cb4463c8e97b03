import { Query } from '@nestjs/cqrs';
import { CityId, Page } from '@rl/kernel';
import { IndicatorView } from '../../indicator.view';
import { ListIndicatorsDto } from '../../read-options.dto';

export class ListIndicatorsQuery extends Query<Page<IndicatorView>> {
  constructor(
    readonly cityId: CityId,
    readonly filters: ListIndicatorsDto,
  ) {
    super();
  }
}
