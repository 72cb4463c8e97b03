import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';

export class RetractCommentCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly commentId: string,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
