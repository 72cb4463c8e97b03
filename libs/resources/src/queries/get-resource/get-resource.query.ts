import { Query } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { ResourceView } from '../../resource.view';

export class GetResourceQuery extends Query<ResourceView> {
  constructor(
    readonly cityId: CityId,
    readonly resourceId: string,
    readonly options: { asOf?: Date; minPosition?: number },
  ) {
    super();
  }
}
