import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { AppConfig } from '@rl/config';
import { AccountMail, accountEmailJobId } from '@rl/identity';
import { InjectRedis } from '@rl/queue';
import { noticeJobId, NotificationQueues, reminderJobId, webhookJobId } from '../notification-queues';
import { NotificationBacklog } from '../persistence/notification-backlog.repository';

// The reconciler: PostgreSQL says what is owed, Redis may have lost the jobs (it keeps nothing on disk).
// Each pass gives up e-mails past their maximum age (failed), then re-enqueues what is due but has no
// live job — an e-mail's next attempt included; after a Redis data loss (the epoch key is gone) it
// re-enqueues every pending reminder, notice and webhook delivery, delayed to its time.
@Injectable()
export class NotificationSweep {
  private readonly logger = new Logger('NotificationSweep');

  constructor(
    private readonly backlog: NotificationBacklog,
    private readonly queues: NotificationQueues,
    private readonly config: AppConfig,
    @InjectRedis() private readonly redis: Redis,
    private readonly accountMail: AccountMail,
  ) {}

  private get epochKey(): string {
    return `${this.config.redis.queuePrefix}:notifications:epoch`;
  }

  async sweep(): Promise<{ restored: number; revived: number; expired: number }> {
    const full = (await this.redis.exists(this.epochKey)) === 0;
    let restored = 0;
    let revived = 0;
    let expired = 0;
    for (const cityId of await this.backlog.cities()) {
      const pending = await this.backlog.inCity(cityId, full);
      expired += pending.expired;
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
    const { ids: accountEmails, expired: expiredAccountEmails } = await this.backlog.accountEmails(full);
    expired += expiredAccountEmails;
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
