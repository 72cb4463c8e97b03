import { CommentRecord } from './projections/comment.entity';

export {
  COMMENT_TARGET_KINDS,
  COMMENT_VISIBILITIES,
  CommentEvent,
  commentStream,
} from './domain/comment.events';
export {
  COMMENT_THREADS_PROJECTION,
  CommentThreadsProjection,
} from './projections/comment-threads.projection';
export { CommentsModule } from './comments.module';
export { CommentRecord };

export const COMMENTS_ENTITIES = [CommentRecord];
export { PostCommentCommand } from './commands/post-comment/post-comment.command';
