import { Command } from '@nestjs/cqrs';
import { UserId } from '@rl/kernel';
import { NoticesReadView } from '../../inbox.view';

export class MarkAllNoticesReadCommand extends Command<NoticesReadView> {
  constructor(readonly userId: UserId) {
    super();
  }
}
