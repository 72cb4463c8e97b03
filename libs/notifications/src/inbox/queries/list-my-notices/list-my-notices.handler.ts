import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError, Page } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { NoticeView } from '../../inbox.view';
import { MY_NOTICES, NOTICE_COLUMNS, NoticeRow, toNoticeView } from '../../my-notices';
import { ListMyNoticesQuery } from './list-my-notices.query';

// Newest first, across every city of the caller; keyset paging on (created_at, id), which the
// (recipient_id, channel, created_at) index serves.
@QueryHandler(ListMyNoticesQuery)
export class ListMyNoticesHandler implements IQueryHandler<ListMyNoticesQuery, Page<NoticeView>> {
  constructor(private readonly db: TenantDb) {}

  execute({ userId, filter }: ListMyNoticesQuery): Promise<Page<NoticeView>> {
    return this.db.asUser(userId, async (em) => {
      if (filter.before !== undefined) {
        const [found] = await em.query<{ id: string }[]>(`SELECT n.id FROM ${MY_NOTICES} AND n.id = $2`, [
          userId,
          filter.before,
        ]);
        if (!found) {
          throw new DomainError('bad_request', 'NOTICE.INVALID_CURSOR', 'before is not one of your notices', [
            { field: 'before', message: 'must be the id of one of your notices' },
          ]);
        }
      }
      // The cursor's created_at is compared in SQL: a JavaScript Date would drop its microseconds and
      // skip notices recorded in the same millisecond. One row more than asked tells of a next page.
      const rows = await em.query<NoticeRow[]>(
        `SELECT ${NOTICE_COLUMNS} FROM ${MY_NOTICES}
            AND ($2::boolean = false OR n.read_at IS NULL)
            AND ($3::uuid IS NULL OR (n.created_at, n.id) <
                 (SELECT cur.created_at, cur.id FROM notices cur WHERE cur.recipient_id = $1 AND cur.id = $3::uuid))
          ORDER BY n.created_at DESC, n.id DESC
          LIMIT $4`,
        [userId, filter.unread, filter.before ?? null, filter.limit + 1],
      );
      // The next page's cursor stays what `before` always was: the last notice's id.
      const items = rows.slice(0, filter.limit).map(toNoticeView);
      return { items, next: rows.length > filter.limit ? items[items.length - 1].id : null };
    });
  }
}
