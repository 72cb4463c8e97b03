import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@rl/event-store';
import { WriteResultView } from '@rl/web';
import { CommentHistory } from '../../comment-history';
import { decideComment } from '../../domain/comment.decider';
import { commentStream } from '../../domain/comment.events';
import { RetractCommentCommand } from './retract-comment.command';

@CommandHandler(RetractCommentCommand)
export class RetractCommentHandler implements ICommandHandler<RetractCommentCommand, WriteResultView> {
  constructor(
    private readonly events: EventStore,
    private readonly history: CommentHistory,
  ) {}

  async execute({ cityId, commentId, metadata }: RetractCommentCommand): Promise<WriteResultView> {
    return this.events
      .idempotent(cityId, metadata, async () => {
        const current = await this.history.load(cityId, commentId);
        const events = decideComment(
          { type: 'RetractComment', actor: { id: metadata.actorId, role: metadata.actorRole ?? null } },
          current.state,
        );
        // Appended at the version just read: an edit in between makes this a conflict, never a lost write.
        return this.events.appendAlone(cityId, commentStream(commentId), current.version, events, metadata);
      })
      .then(({ version, position }) => ({ version, position }));
  }
}
