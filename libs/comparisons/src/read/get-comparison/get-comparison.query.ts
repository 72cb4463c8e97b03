import { Query } from '@nestjs/cqrs';
import type { Audience } from '../../jobs/recompute-comparison.handler';
import { ComparisonQueryDto } from '../comparison-query.dto';
import { ComparisonView } from '../comparison.view';

export class GetComparisonQuery extends Query<ComparisonView> {
  constructor(
    readonly audience: Audience,
    readonly filters: ComparisonQueryDto,
  ) {
    super();
  }
}
