import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TenantDb } from '@rl/persistence';
import { NoticesReadView } from '../../inbox.view';
import { MY_NOTICES } from '../../my-notices';
import { MarkAllNoticesReadCommand } from './mark-all-notices-read.command';

// Marks every unread notice of the caller read, in all their cities, at one instant.
@CommandHandler(MarkAllNoticesReadCommand)
export class MarkAllNoticesReadHandler implements ICommandHandler<
  MarkAllNoticesReadCommand,
  NoticesReadView
> {
  constructor(private readonly db: TenantDb) {}

  async execute({ userId }: MarkAllNoticesReadCommand): Promise<NoticesReadView> {
    return this.db.asUser(userId, async (em) => {
      const [{ marked, now }] = await em.query<{ marked: number; now: Date }[]>(
        `WITH marked AS (
           UPDATE notices t SET read_at = now()
            WHERE (t.tenant_id, t.id) IN (SELECT n.tenant_id, n.id FROM ${MY_NOTICES} AND n.read_at IS NULL)
            RETURNING 1)
         SELECT (SELECT count(*) FROM marked)::int AS marked, now() AS now`,
        [userId],
      );
      return { marked, readAt: new Date(now).toISOString() };
    });
  }
}
