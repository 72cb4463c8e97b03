import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { Aggregates } from '@rl/event-store';
import { CreatedCommentView } from '../../comment.view';
import { commentDecider } from '../../domain/comment.decider';
import { commentStream } from '../../domain/comment.events';
import { CommentTargets } from '../../persistence/comment-targets.repository';
import { PostCommentCommand } from './post-comment.command';

@CommandHandler(PostCommentCommand)
export class PostCommentHandler implements ICommandHandler<PostCommentCommand, CreatedCommentView> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly targets: CommentTargets,
  ) {}

  async execute({ cityId, input, metadata }: PostCommentCommand): Promise<CreatedCommentView> {
    const commentId = uuidv7();
    // A comment's target never changes, so the parent read before the append stays valid.
    const parent =
      input.parentId === undefined
        ? undefined
        : (await this.aggregates.load(cityId, commentDecider, commentStream(input.parentId))).state;
    const result = await this.aggregates.handle(
      cityId,
      commentDecider,
      commentStream(commentId),
      {
        type: 'PostComment',
        commentId,
        target: input.target,
        targetExists: await this.targets.exists(cityId, input.target),
        parentId: input.parentId,
        parent,
        observation: input.observation,
        body: input.body,
        visibility: input.visibility,
        meetingId: input.meetingId,
        meetingExists:
          input.meetingId === undefined
            ? undefined
            : await this.targets.meetingExists(cityId, input.meetingId),
        author: {
          id: metadata.actorId,
          role: metadata.actorRole ?? null,
          organisationId: metadata.organisationId ?? null,
        },
      },
      { expected: 0, metadata },
    );
    // A retry with the same Idempotency-Key gets the first result, whose stream names the first id.
    return {
      id: result.streamId.replace(/^comment-/, ''),
      version: result.version,
      position: result.position,
    };
  }
}
