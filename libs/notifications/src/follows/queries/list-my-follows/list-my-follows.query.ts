import { Query } from '@nestjs/cqrs';
import { CityId, Page } from '@rl/kernel';
import { PagedReadDto } from '@rl/web';
import { FollowView } from '../../follows.view';

export class ListMyFollowsQuery extends Query<Page<FollowView>> {
  constructor(
    readonly cityId: CityId,
    readonly userId: string,
    readonly options: PagedReadDto,
  ) {
    super();
  }
}
