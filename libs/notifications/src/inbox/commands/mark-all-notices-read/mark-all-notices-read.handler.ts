import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { MyNotices } from '../../../persistence/my-notices.repository';
import { NoticesReadView } from '../../inbox.view';
import { MarkAllNoticesReadCommand } from './mark-all-notices-read.command';

// Marks every unread notice of the caller read, in all their cities, at one instant.
@CommandHandler(MarkAllNoticesReadCommand)
export class MarkAllNoticesReadHandler implements ICommandHandler<
  MarkAllNoticesReadCommand,
  NoticesReadView
> {
  constructor(private readonly notices: MyNotices) {}

  async execute({ userId }: MarkAllNoticesReadCommand): Promise<NoticesReadView> {
    const { marked, readAt } = await this.notices.markAllRead(userId);
    return { marked, readAt: new Date(readAt).toISOString() };
  }
}
