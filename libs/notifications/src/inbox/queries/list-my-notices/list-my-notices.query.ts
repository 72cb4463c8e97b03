import { Query } from '@nestjs/cqrs';
import { UserId } from '@rl/kernel';
import { NoticeView } from '../../inbox.view';

export class ListMyNoticesQuery extends Query<NoticeView[]> {
  constructor(
    readonly userId: UserId,
    readonly filter: { unread: boolean; limit: number; before?: string },
  ) {
    super();
  }
}
