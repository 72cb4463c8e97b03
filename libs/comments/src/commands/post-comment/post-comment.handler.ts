import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { EventStore } from '@rl/event-store';
import { CommentHistory } from '../../comment-history';
import { CreatedCommentView } from '../../comment.view';
import { decideComment, initialCommentState } from '../../domain/comment.decider';
import { commentStream } from '../../domain/comment.events';
import { assertTargetInCity } from '../../target-check';
import { PostCommentCommand } from './post-comment.command';

@CommandHandler(PostCommentCommand)
export class PostCommentHandler implements ICommandHandler<PostCommentCommand, CreatedCommentView> {
  constructor(
    private readonly events: EventStore,
    private readonly history: CommentHistory,
  ) {}

  async execute({ cityId, input, metadata }: PostCommentCommand): Promise<CreatedCommentView> {
    const commentId = uuidv7();
    // A comment's target never changes, so the parent read outside the transaction stays valid.
    const parent =
      input.parentId === undefined ? undefined : (await this.history.load(cityId, input.parentId)).state;
    const events = decideComment(
      {
        type: 'PostComment',
        commentId,
        target: input.target,
        parentId: input.parentId,
        parent,
        observation: input.observation,
        body: input.body,
        visibility: input.visibility,
        author: {
          id: metadata.actorId,
          role: metadata.actorRole ?? null,
          organisationId: metadata.organisationId ?? null,
        },
      },
      initialCommentState,
    );
    const result = await this.events.idempotent(cityId, metadata, () =>
      this.events.transact(cityId, async (tx) => {
        await assertTargetInCity(tx.em, input.target);
        return tx.append(commentStream(commentId), 0, events, metadata);
      }),
    );
    // A retry with the same Idempotency-Key gets the first result, whose stream names the first id.
    return {
      id: result.streamId.replace(/^comment-/, ''),
      version: result.version,
      position: result.position,
    };
  }
}
