import { Query } from '@nestjs/cqrs';
import { CityId, Page, PageRequest } from '@rl/kernel';
import { SeriesPointView } from '../../reporting.view';

export class IndicatorSeriesQuery extends Query<Page<SeriesPointView>> {
  constructor(
    readonly cityId: CityId,
    readonly indicatorId: string,
    readonly options: { disaggregation?: string; status?: 'validated' | 'submitted'; minPosition?: number },
    readonly page: PageRequest,
  ) {
    super();
  }
}
