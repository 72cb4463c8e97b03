import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { NoticeReadView } from '../../inbox.view';
import { MY_NOTICES } from '../../my-notices';
import { MarkNoticeReadCommand } from './mark-notice-read.command';

// Marks one of the caller's notices read; marking it again keeps the first instant (idempotent). Another
// person's notice is invisible under the own_notices_* policies, so it is simply not found.
@CommandHandler(MarkNoticeReadCommand)
export class MarkNoticeReadHandler implements ICommandHandler<MarkNoticeReadCommand, NoticeReadView> {
  constructor(private readonly db: TenantDb) {}

  async execute({ userId, noticeId }: MarkNoticeReadCommand): Promise<NoticeReadView> {
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
    if (!row) throw new DomainError('not_found', 'NOTICE.NOT_FOUND', 'No such notice');
    return { id: row.id, readAt: new Date(row.readAt).toISOString() };
  }
}
