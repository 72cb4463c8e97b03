import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page } from '@rl/kernel';
import { Actor, ApiErrors, ApiPage, CurrentActor, SignedIn, uuidParam } from '@rl/web';
import { NoticeErrors } from '../domain/notifications.errors';
import { MarkAllNoticesReadCommand } from './commands/mark-all-notices-read/mark-all-notices-read.command';
import { MarkNoticeReadCommand } from './commands/mark-notice-read/mark-notice-read.command';
import { NoticeReadView, NoticesReadView, NoticeView } from './inbox.view';
import { DEFAULT_NOTICES_PAGE, ListMyNoticesDto } from './queries/list-my-notices/list-my-notices.dto';
import { ListMyNoticesQuery } from './queries/list-my-notices/list-my-notices.query';

// The caller's in-app inbox across all the cities they belong to (reminders, returns, validations,
// comments). What arrives here is decided by the notices' recipients and the inApp preference.
@ApiTags('notifications')
@Controller('v1/me/notifications')
export class MyNotificationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List my notifications' })
  @SignedIn()
  @ApiPage(NoticeView, 'Newest first; the next page is `before` the id of the last notice', 'before')
  @ApiErrors(NoticeErrors.INVALID_CURSOR)
  list(@CurrentActor() actor: Actor, @Query() query: ListMyNoticesDto): Promise<Page<NoticeView>> {
    return this.queries.execute(
      new ListMyNoticesQuery(actor.userId, {
        unread: query.unread === 'true',
        limit: query.limit ?? DEFAULT_NOTICES_PAGE,
        before: query.before,
      }),
    );
  }

  // Declared before ':id/read' for readability only: the two paths cannot match the same URL.
  @Post('read-all')
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @HttpCode(200)
  @SignedIn()
  @ApiOkResponse({ type: NoticesReadView, description: 'Every unread notice, in every city, is now read' })
  readAll(@CurrentActor() actor: Actor): Promise<NoticesReadView> {
    return this.commands.execute(new MarkAllNoticesReadCommand(actor.userId));
  }

  @Post(':id/read')
  @ApiOperation({ summary: 'Mark a notification read' })
  @HttpCode(200)
  @SignedIn()
  @ApiOkResponse({ type: NoticeReadView, description: 'Read (again: the first readAt is kept)' })
  @ApiErrors(NoticeErrors.NOT_FOUND)
  read(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<NoticeReadView> {
    return this.commands.execute(new MarkNoticeReadCommand(actor.userId, id));
  }
}
