import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { WriteResultView } from '@rl/web';
import { commentDecider } from '../../domain/comment.decider';
import { commentStream } from '../../domain/comment.events';
import { RetractCommentCommand } from './retract-comment.command';

@CommandHandler(RetractCommentCommand)
export class RetractCommentHandler implements ICommandHandler<RetractCommentCommand, WriteResultView> {
  constructor(private readonly aggregates: Aggregates) {}

  // Appended at the version just read: an edit in between makes this a conflict, never a lost write.
  async execute({ cityId, commentId, metadata }: RetractCommentCommand): Promise<WriteResultView> {
    const { version, position } = await this.aggregates.handle(
      cityId,
      commentDecider,
      commentStream(commentId),
      { type: 'RetractComment', actor: { id: metadata.actorId, role: metadata.actorRole ?? null } },
      { metadata },
    );
    return { version, position };
  }
}
