import { Query } from '@nestjs/cqrs';
import { Page, UserId } from '@rl/kernel';
import { NoticeView } from '../../inbox.view';

export class ListMyNoticesQuery extends Query<Page<NoticeView>> {
  constructor(
    readonly userId: UserId,
    readonly filter: { unread: boolean; limit: number; before?: string },
  ) {
    super();
  }
}
