import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { WriteResultView } from '@rl/web';
import { commentDecider } from '../../domain/comment.decider';
import { commentStream } from '../../domain/comment.events';
import { EditCommentCommand } from './edit-comment.command';

@CommandHandler(EditCommentCommand)
export class EditCommentHandler implements ICommandHandler<EditCommentCommand, WriteResultView> {
  constructor(private readonly aggregates: Aggregates) {}

  async execute({
    cityId,
    commentId,
    expectedVersion,
    changes,
    metadata,
  }: EditCommentCommand): Promise<WriteResultView> {
    const { version, position } = await this.aggregates.handle(
      cityId,
      commentDecider,
      commentStream(commentId),
      { type: 'EditComment', actor: { id: metadata.actorId, role: metadata.actorRole ?? null }, ...changes },
      { expected: expectedVersion, metadata },
    );
    return { version, position };
  }
}
