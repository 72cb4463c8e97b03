import { Query } from '@nestjs/cqrs';
import type { Audience } from '../../jobs/recompute-comparison.handler';
import { ComparisonSeriesQueryDto } from '../comparison-query.dto';
import { ComparisonSeriesView } from '../comparison.view';

export class ComparisonSeriesQuery extends Query<ComparisonSeriesView> {
  constructor(
    readonly audience: Audience,
    readonly filters: ComparisonSeriesQueryDto,
  ) {
    super();
  }
}
