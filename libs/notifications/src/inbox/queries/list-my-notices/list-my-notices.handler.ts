import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Page } from '@rl/kernel';
import { NoticeErrors } from '../../../domain/notifications.errors';
import { MyNotices } from '../../../persistence/my-notices.repository';
import { NoticeView, toNoticeView } from '../../inbox.view';
import { ListMyNoticesQuery } from './list-my-notices.query';

// Newest first, across every city of the caller.
@QueryHandler(ListMyNoticesQuery)
export class ListMyNoticesHandler implements IQueryHandler<ListMyNoticesQuery, Page<NoticeView>> {
  constructor(private readonly notices: MyNotices) {}

  async execute({ userId, filter }: ListMyNoticesQuery): Promise<Page<NoticeView>> {
    const rows = await this.notices.page(userId, filter);
    if (!rows) {
      throw NoticeErrors.INVALID_CURSOR({
        errors: [{ field: 'before', message: 'must be the id of one of your notices' }],
      });
    }
    // The next page's cursor stays what `before` always was: the last notice's id.
    const items = rows.slice(0, filter.limit).map(toNoticeView);
    return { items, next: rows.length > filter.limit ? items[items.length - 1].id : null };
  }
}
