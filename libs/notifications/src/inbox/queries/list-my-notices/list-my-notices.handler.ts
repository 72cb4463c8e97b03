import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { NoticeView } from '../../inbox.view';
import { MY_NOTICES, NOTICE_COLUMNS, NoticeRow, toNoticeView } from '../../my-notices';
import { ListMyNoticesQuery } from './list-my-notices.query';

// Newest first, across every city of the caller; keyset paging on (created_at, id), which the
// (recipient_id, channel, created_at) index serves.
@QueryHandler(ListMyNoticesQuery)
export class ListMyNoticesHandler implements IQueryHandler<ListMyNoticesQuery, NoticeView[]> {
  constructor(private readonly db: TenantDb) {}

  execute({ userId, filter }: ListMyNoticesQuery): Promise<NoticeView[]> {
    return this.db.asUser(userId, async (em) => {
      let cursor: { createdAt: Date; id: string } | null = null;
      if (filter.before !== undefined) {
        const [found] = await em.query<{ createdAt: Date; id: string }[]>(
          `SELECT n.created_at AS "createdAt", n.id FROM ${MY_NOTICES} AND n.id = $2`,
          [userId, filter.before],
        );
        if (!found) {
          throw new DomainError('bad_request', 'NOTICE.INVALID_CURSOR', 'before is not one of your notices', [
            { field: 'before', message: 'must be the id of one of your notices' },
          ]);
        }
        cursor = found;
      }
      const rows = await em.query<NoticeRow[]>(
        `SELECT ${NOTICE_COLUMNS} FROM ${MY_NOTICES}
            AND ($2::boolean = false OR n.read_at IS NULL)
            AND ($3::timestamptz IS NULL OR (n.created_at, n.id) < ($3::timestamptz, $4::uuid))
          ORDER BY n.created_at DESC, n.id DESC
          LIMIT $5`,
        [userId, filter.unread, cursor?.createdAt ?? null, cursor?.id ?? null, filter.limit],
      );
      return rows.map(toNoticeView);
    });
  }
}
