import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CITY_ROLES, CityRole, Page } from '@rl/kernel';
import {
  ApiCityList,
  ApiCommand,
  ApiErrors,
  CityContext,
  CommandContext,
  CommandMetadata,
  CurrentCity,
  IfMatchVersion,
  pageRequest,
  uuidParam,
  versionConflict,
  WriteResultView,
} from '@rl/web';
import { CommentView, CreatedCommentView } from './comment.view';
import { CommentErrors } from './domain/comment.errors';
import { EditCommentCommand } from './commands/edit-comment/edit-comment.command';
import { EditCommentDto } from './commands/edit-comment/edit-comment.dto';
import { PostCommentCommand } from './commands/post-comment/post-comment.command';
import { PostCommentDto } from './commands/post-comment/post-comment.dto';
import { RetractCommentCommand } from './commands/retract-comment/retract-comment.command';
import { ListCommentThreadsQuery } from './queries/list-comment-threads/list-comment-threads.query';
import { ListCommentsDto } from './read-options.dto';

// Every member writes comments but observers, who only read.
const COMMENTERS: readonly CityRole[] = CITY_ROLES.filter((role) => role !== 'observer');

@ApiTags('comments')
@Controller('v1/cities/:city/comments')
export class CommentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Post a comment' })
  @ApiCommand({ roles: COMMENTERS, answer: { type: CreatedCommentView, status: 201 } })
  @ApiErrors(
    CommentErrors.INVALID_BODY,
    CommentErrors.UNKNOWN_TARGET,
    CommentErrors.UNKNOWN_PARENT,
    CommentErrors.OBSERVATION_NOT_ALLOWED,
  )
  post(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Body() body: PostCommentDto,
  ): Promise<CreatedCommentView> {
    return this.commands.execute(new PostCommentCommand(city.id, body, metadata));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a comment' })
  @ApiCommand({ roles: COMMENTERS, ifMatch: true })
  @ApiErrors(
    CommentErrors.NOTHING_TO_CHANGE,
    CommentErrors.INVALID_BODY,
    CommentErrors.NOT_AUTHOR,
    CommentErrors.NOT_FOUND,
    versionConflict('COMMENT'),
    CommentErrors.RETRACTED,
  )
  edit(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() body: EditCommentDto,
  ): Promise<WriteResultView> {
    return this.commands.execute(new EditCommentCommand(city.id, id, expectedVersion, body, metadata));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Retract a comment' })
  @ApiCommand({
    roles: COMMENTERS,
    answer: { type: WriteResultView, description: 'Retracted: the body leaves the read model, not the log' },
  })
  @ApiErrors(
    CommentErrors.NOT_AUTHOR,
    CommentErrors.NOT_FOUND,
    versionConflict('COMMENT'),
    CommentErrors.RETRACTED,
  )
  retract(
    @CurrentCity() city: CityContext,
    @CommandContext() metadata: CommandMetadata,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<WriteResultView> {
    return this.commands.execute(new RetractCommentCommand(city.id, id, metadata));
  }

  @Get()
  @ApiOperation({ summary: 'List comments' })
  @ApiCityList(
    CommentView,
    'Top-level comments in time order (a page counts these), each with all its replies nested',
  )
  list(@CurrentCity() city: CityContext, @Query() query: ListCommentsDto): Promise<Page<CommentView>> {
    const { targetKind, targetId, meetingId, minPosition } = query;
    return this.queries.execute(
      new ListCommentThreadsQuery(
        city.id,
        { targetKind, targetId, meetingId },
        pageRequest(query),
        minPosition,
      ),
    );
  }
}
