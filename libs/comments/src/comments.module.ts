import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventSchemas } from '@rl/event-store';
import { COMMENT_PERSONAL_DATA } from './comment-personal-data';
import { CommentsController } from './comments.controller';
import { EditCommentHandler } from './commands/edit-comment/edit-comment.handler';
import { PostCommentHandler } from './commands/post-comment/post-comment.handler';
import { RetractCommentHandler } from './commands/retract-comment/retract-comment.handler';
import { CommentTargets, PgCommentTargets } from './persistence/comment-targets.repository';
import { CommentThreadsReadModel, PgCommentThreadsReadModel } from './persistence/comment-threads.repository';
import { CommentRecord } from './projections/comment.entity';
import { CommentThreadsProjection } from './projections/comment-threads.projection';
import { ListCommentThreadsHandler } from './queries/list-comment-threads/list-comment-threads.handler';

@Module({
  imports: [TypeOrmModule.forFeature([CommentRecord])],
  controllers: [CommentsController],
  providers: [
    { provide: CommentTargets, useClass: PgCommentTargets },
    { provide: CommentThreadsReadModel, useClass: PgCommentThreadsReadModel },
    CommentThreadsProjection,
    PostCommentHandler,
    EditCommentHandler,
    RetractCommentHandler,
    ListCommentThreadsHandler,
  ],
})
export class CommentsModule {
  constructor(schemas: EventSchemas) {
    schemas.declarePersonal(COMMENT_PERSONAL_DATA);
  }
}
