import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata, WriteResultView } from '@rl/web';

import { EditCommentDto } from './edit-comment.dto';

export class EditCommentCommand extends Command<WriteResultView> {
  constructor(
    readonly cityId: CityId,
    readonly commentId: string,
    readonly expectedVersion: number,
    readonly changes: EditCommentDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
