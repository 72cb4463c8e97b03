import { Query } from '@nestjs/cqrs';
import { CityId, Page } from '@rl/kernel';
import { PageQueryDto } from '@rl/web';
import { CheckpointView } from '../../checkpoints/checkpoint.view';

export class ListCheckpointsQuery extends Query<Page<CheckpointView>> {
  constructor(
    readonly cityId: CityId,
    readonly page: PageQueryDto,
  ) {
    super();
  }
}
