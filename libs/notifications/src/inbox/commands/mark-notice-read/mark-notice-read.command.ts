import { Command } from '@nestjs/cqrs';
import { UserId } from '@rl/kernel';
import { NoticeReadView } from '../../inbox.view';

export class MarkNoticeReadCommand extends Command<NoticeReadView> {
  constructor(
    readonly userId: UserId,
    readonly noticeId: string,
  ) {
    super();
  }
}
