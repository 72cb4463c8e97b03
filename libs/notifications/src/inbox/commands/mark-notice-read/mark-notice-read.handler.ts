import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { NoticeErrors } from '../../../domain/notifications.errors';
import { MyNotices } from '../../../persistence/my-notices.repository';
import { NoticeReadView } from '../../inbox.view';
import { MarkNoticeReadCommand } from './mark-notice-read.command';

// Marks one of the caller's notices read; marking it again keeps the first instant (idempotent). Another
// person's notice is invisible under the own_notices_* policies, so it is simply not found.
@CommandHandler(MarkNoticeReadCommand)
export class MarkNoticeReadHandler implements ICommandHandler<MarkNoticeReadCommand, NoticeReadView> {
  constructor(private readonly notices: MyNotices) {}

  async execute({ userId, noticeId }: MarkNoticeReadCommand): Promise<NoticeReadView> {
    const marked = await this.notices.markRead(userId, noticeId);
    if (!marked) throw NoticeErrors.NOT_FOUND();
    return { id: marked.id, readAt: new Date(marked.readAt).toISOString() };
  }
}
