import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';

// PUT …/follow (follow) and DELETE …/follow (unfollow), by the caller for themselves.
export class FollowIndicatorCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly indicatorId: string,
    readonly follow: boolean,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
