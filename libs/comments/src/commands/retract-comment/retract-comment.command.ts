import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { WriteResultView } from '../../comment.view';

export class RetractCommentCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly commentId: string,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
