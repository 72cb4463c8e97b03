import { Injectable } from '@nestjs/common';
import { UserId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { NoticeData, NoticeKind } from '../domain/notice';

export interface NoticeRow {
  id: string;
  city: string;
  kind: NoticeKind;
  data: NoticeData;
  createdAt: Date;
  readAt: Date | null;
}

export interface NoticesFilter {
  unread: boolean;
  limit: number;
  // The id of the last notice of the previous page.
  before?: string;
}

// A person's in-app inbox: their delivered in-app notices in the cities where they are still an active
// member (a removed member no longer reads that city's news). Newest first.
export abstract class MyNotices {
  // One row more than the limit tells of a next page; undefined when `before` is not one of theirs.
  abstract page(userId: UserId, filter: NoticesFilter): Promise<NoticeRow[] | undefined>;
  // Marking again keeps the first instant; undefined when it is not one of theirs.
  abstract markRead(userId: UserId, noticeId: string): Promise<{ id: string; readAt: Date } | undefined>;
  // Every unread notice, in every city, at one instant.
  abstract markAllRead(userId: UserId): Promise<{ marked: number; readAt: Date }>;
}

// Read under TenantDb.asUser, where the own_notices_* and own_memberships policies (app.user_id) are what
// make the rows visible at all; the recipient condition is stated again so that the query means the same
// under any role.
const MY_NOTICES = `notices n
  JOIN memberships m ON m.tenant_id = n.tenant_id AND m.user_id = n.recipient_id AND m.active
  JOIN cities c ON c.id = n.tenant_id
 WHERE n.recipient_id = $1 AND n.channel = 'in_app' AND n.status = 'sent'`;

const NOTICE_COLUMNS = `n.id, c.slug AS city, n.kind, n.data, n.created_at AS "createdAt", n.read_at AS "readAt"`;

@Injectable()
export class PgMyNotices implements MyNotices {
  constructor(private readonly db: TenantDb) {}

  // Keyset paging on (created_at, id), which the (recipient_id, channel, created_at) index serves.
  page(userId: UserId, filter: NoticesFilter): Promise<NoticeRow[] | undefined> {
    return this.db.asUser(userId, async (em) => {
      if (filter.before !== undefined) {
        const [found] = await em.query<{ id: string }[]>(`SELECT n.id FROM ${MY_NOTICES} AND n.id = $2`, [
          userId,
          filter.before,
        ]);
        if (!found) return undefined;
      }
      // The cursor's created_at is compared in SQL: a JavaScript Date would drop its microseconds and
      // skip notices recorded in the same millisecond.
      return em.query<NoticeRow[]>(
        `SELECT ${NOTICE_COLUMNS} FROM ${MY_NOTICES}
            AND ($2::boolean = false OR n.read_at IS NULL)
            AND ($3::uuid IS NULL OR (n.created_at, n.id) <
                 (SELECT cur.created_at, cur.id FROM notices cur WHERE cur.recipient_id = $1 AND cur.id = $3::uuid))
          ORDER BY n.created_at DESC, n.id DESC
          LIMIT $4`,
        [userId, filter.unread, filter.before ?? null, filter.limit + 1],
      );
    });
  }

  async markRead(userId: UserId, noticeId: string): Promise<{ id: string; readAt: Date } | undefined> {
    const [row] = await this.db.asUser(userId, (em) =>
      em.query<{ id: string; readAt: Date }[]>(
        // A CTE, so that the driver answers with the returned rows (a bare UPDATE gives [rows, count]).
        `WITH marked AS (
           UPDATE notices t SET read_at = coalesce(t.read_at, now())
            WHERE (t.tenant_id, t.id) IN (SELECT n.tenant_id, n.id FROM ${MY_NOTICES} AND n.id = $2)
            RETURNING t.id, t.read_at)
         SELECT id, read_at AS "readAt" FROM marked`,
        [userId, noticeId],
      ),
    );
    return row;
  }

  markAllRead(userId: UserId): Promise<{ marked: number; readAt: Date }> {
    return this.db.asUser(userId, async (em) => {
      const [row] = await em.query<{ marked: number; readAt: Date }[]>(
        `WITH marked AS (
           UPDATE notices t SET read_at = now()
            WHERE (t.tenant_id, t.id) IN (SELECT n.tenant_id, n.id FROM ${MY_NOTICES} AND n.read_at IS NULL)
            RETURNING 1)
         SELECT (SELECT count(*) FROM marked)::int AS marked, now() AS "readAt"`,
        [userId],
      );
      return row;
    });
  }
}
