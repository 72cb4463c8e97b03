import { Query } from '@nestjs/cqrs';
import { PublicIndicatorView } from '../comparison.view';

export class PublicCityIndicatorsQuery extends Query<PublicIndicatorView[]> {
  constructor(readonly citySlug: string) {
    super();
  }
}
