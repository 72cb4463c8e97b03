import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { CreatedCommentView } from '../../comment.view';
import { PostCommentDto } from './post-comment.dto';

export class PostCommentCommand extends Command<CreatedCommentView> {
  constructor(
    readonly cityId: CityId,
    readonly input: PostCommentDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
