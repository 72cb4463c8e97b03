import { NoticeData, NoticeKind } from '../domain/notice';
import { NoticeView } from './inbox.view';

// A person's in-app inbox: their delivered in-app notices in the cities where they are still an active
// member (a removed member no longer reads that city's news). Read under TenantDb.asUser, where the
// own_notices_* and own_memberships policies (app.user_id) are what make the rows visible at all; the
// recipient condition is stated again so that the query means the same under any role.
export const MY_NOTICES = `notices n
  JOIN memberships m ON m.tenant_id = n.tenant_id AND m.user_id = n.recipient_id AND m.active
  JOIN cities c ON c.id = n.tenant_id
 WHERE n.recipient_id = $1 AND n.channel = 'in_app' AND n.status = 'sent'`;

export interface NoticeRow {
  id: string;
  city: string;
  kind: NoticeKind;
  data: NoticeData;
  createdAt: Date;
  readAt: Date | null;
}

export const NOTICE_COLUMNS = `n.id, c.slug AS city, n.kind, n.data, n.created_at AS "createdAt", n.read_at AS "readAt"`;

export const toNoticeView = (row: NoticeRow): NoticeView => ({
  id: row.id,
  city: row.city,
  kind: row.kind,
  data: row.data,
  createdAt: new Date(row.createdAt).toISOString(),
  readAt: row.readAt === null ? null : new Date(row.readAt).toISOString(),
});
