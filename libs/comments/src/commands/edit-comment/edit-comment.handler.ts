import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore, streamConflict } from '@rl/event-store';
import { DomainError } from '@rl/kernel';
import { WriteResultView } from '@rl/web';
import { CommentHistory } from '../../comment-history';
import { decideComment } from '../../domain/comment.decider';
import { commentStream } from '../../domain/comment.events';
import { EditCommentCommand } from './edit-comment.command';

@CommandHandler(EditCommentCommand)
export class EditCommentHandler implements ICommandHandler<EditCommentCommand, WriteResultView> {
  constructor(
    private readonly events: EventStore,
    private readonly history: CommentHistory,
  ) {}

  async execute({
    cityId,
    commentId,
    expectedVersion,
    changes,
    metadata,
  }: EditCommentCommand): Promise<WriteResultView> {
    if (changes.body === undefined && changes.visibility === undefined) {
      throw new DomainError(
        'bad_request',
        'COMMENT.NOTHING_TO_CHANGE',
        'Give at least one of body, visibility',
      );
    }
    const stream = commentStream(commentId);
    return this.events
      .idempotent(cityId, metadata, async () => {
        const current = await this.history.load(cityId, commentId);
        const events = decideComment(
          {
            type: 'EditComment',
            actor: { id: metadata.actorId, role: metadata.actorRole ?? null },
            ...changes,
          },
          current.state,
        );
        if (expectedVersion !== current.version)
          throw streamConflict(stream, current.version, expectedVersion);
        if (events.length === 0)
          return { streamId: stream, version: current.version, position: current.position };
        // The store re-checks the version under the city's head lock, so a concurrent edit still conflicts.
        return this.events.appendAlone(cityId, stream, expectedVersion, events, metadata);
      })
      .then(({ version, position }) => ({ version, position }));
  }
}
