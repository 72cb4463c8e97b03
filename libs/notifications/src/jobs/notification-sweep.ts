import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { AppConfig } from '@rl/config';
import { AccountMail, accountEmailJobId } from '@rl/identity';
import { asCityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { InjectRedis } from '@rl/queue';
import { Due, noticeJobId, NotificationQueues, reminderJobId, webhookJobId } from '../notification-queues';
import { MailLease, nextLook } from '../persistence/mail-lease';

// Work that should have been picked up by now; younger items are left to their own wake-up.
const GRACE = '2 seconds';

const PENDING: Record<'reminders' | 'notices' | 'webhooks', { sql: string; at: string }> = {
  reminders: {
    sql: `SELECT id, due_at AS at FROM reminders WHERE tenant_id = $1 AND status = 'pending'`,
    at: 'due_at',
  },
  notices: {
    sql: `SELECT id, ${nextLook('notices')} AS at FROM notices WHERE tenant_id = $1 AND status = 'pending' AND channel = 'email'`,
    at: nextLook('notices'),
  },
  webhooks: {
    sql: `SELECT id, created_at AS at FROM webhook_deliveries WHERE tenant_id = $1 AND status = 'pending'`,
    at: 'created_at',
  },
};

// The reconciler: PostgreSQL says what is owed, Redis may have lost the jobs (it keeps nothing on disk).
// Each pass gives up e-mails past their maximum age (failed), then re-enqueues what is due but has no
// live job — an e-mail's next attempt included; after a Redis data loss (the epoch key is gone) it
// re-enqueues every pending reminder, notice and webhook delivery, delayed to its time.
@Injectable()
export class NotificationSweep {
  private readonly logger = new Logger('NotificationSweep');
  private readonly notices: MailLease;
  private readonly accountEmails: MailLease;

  constructor(
    private readonly db: TenantDb,
    private readonly queues: NotificationQueues,
    private readonly config: AppConfig,
    @InjectRedis() private readonly redis: Redis,
    private readonly accountMail: AccountMail,
  ) {
    this.notices = new MailLease('notices', config);
    this.accountEmails = new MailLease('account_emails', config);
  }

  private get epochKey(): string {
    return `${this.config.redis.queuePrefix}:notifications:epoch`;
  }

  async sweep(): Promise<{ restored: number; revived: number; expired: number }> {
    const full = (await this.redis.exists(this.epochKey)) === 0;
    const cities = await this.db.platform((em) => em.query<{ id: string }[]>(`SELECT id FROM cities`));
    let restored = 0;
    let revived = 0;
    let expired = await this.db.platform((em) => this.accountEmails.expire(em));
    for (const { id } of cities) {
      const cityId = asCityId(id);
      const pending = await this.db.inCity(cityId, async (em) => {
        expired += await this.notices.expire(em);
        const read = ({ sql, at }: { sql: string; at: string }) =>
          em.query<Due[]>(full ? sql : `${sql} AND ${at} <= now() - interval '${GRACE}'`, [cityId]);
        return {
          reminders: await read(PENDING.reminders),
          notices: await read(PENDING.notices),
          webhooks: await read(PENDING.webhooks),
        };
      });
      if (full) {
        await this.queues.wakeReminders(cityId, pending.reminders);
        await this.queues.wakeNotices(cityId, pending.notices);
        await this.queues.wakeWebhooks(
          cityId,
          pending.webhooks.map((w) => w.id),
        );
        restored += pending.reminders.length + pending.notices.length + pending.webhooks.length;
      } else {
        const { reminders, notices, webhooks } = pending;
        revived += await this.revive(
          this.queues.reminders,
          reminders.map((r) => reminderJobId(r.id)),
          () => this.queues.wakeReminders(cityId, reminders),
        );
        revived += await this.revive(
          this.queues.notifications,
          notices.map((n) => noticeJobId(n.id)),
          () => this.queues.wakeNotices(cityId, notices),
          true,
        );
        revived += await this.revive(
          this.queues.notifications,
          webhooks.map((w) => webhookJobId(w.id)),
          () =>
            this.queues.wakeWebhooks(
              cityId,
              webhooks.map((w) => w.id),
            ),
          true,
        );
      }
    }
    const accountEmails = await this.pendingAccountEmails(full);
    if (full) {
      await this.accountMail.wake(accountEmails);
      restored += accountEmails.length;
    } else {
      revived += await this.revive(
        this.queues.notifications,
        accountEmails.map(accountEmailJobId),
        () => this.accountMail.wake(accountEmails),
        true,
      );
    }
    if (full) await this.redis.set(this.epochKey, new Date().toISOString());
    return { restored, revived, expired };
  }

  // Account e-mails (invitations, resets) are platform rows, not a city's.
  private async pendingAccountEmails(full: boolean): Promise<string[]> {
    const rows = await this.db.platform((em) =>
      em.query<{ id: string }[]>(
        `SELECT id FROM account_emails WHERE status = 'pending'${full ? '' : ` AND ${nextLook('account_emails')} <= now() - interval '${GRACE}'`}`,
      ),
    );
    return rows.map((r) => r.id);
  }

  // Overdue items whose job is gone get a new one. A delayed job may be waiting out a retry backoff and is
  // left alone. A failed job (its attempts spent on, say, a database outage) is left for operators to
  // retry in the queue dashboard — except where `failedToo`: e-mails and webhook deliveries, whose
  // attempts and end (failed, dead) PostgreSQL records, are never parked behind one; its error is logged.
  private async revive(
    queue: Queue,
    jobIds: string[],
    enqueue: () => Promise<void>,
    failedToo = false,
  ): Promise<number> {
    let missing = 0;
    for (const jobId of jobIds) {
      const job = await queue.getJob(jobId);
      if (!job) {
        missing++;
      } else if (failedToo && (await job.isFailed())) {
        this.logger.warn({ jobId, error: job.failedReason }, 'Reviving a failed job');
        await job.remove();
        missing++;
      }
    }
    if (missing > 0) await enqueue();
    return missing;
  }
}
