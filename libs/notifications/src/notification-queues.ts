import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '@rl/config';
import { CityId } from '@rl/kernel';
import { QueueName } from '@rl/queue';

export interface Due {
  id: string;
  at: Date;
}

export const reminderJobId = (reminderId: string) => `reminder-${reminderId}`;
export const noticeJobId = (noticeId: string) => `notice-${noticeId}`;
export const webhookJobId = (deliveryId: string) => `webhook-${deliveryId}`;

const delayUntil = (at: Date) => Math.max(0, at.getTime() - Date.now());

// What redelivering a webhook needs of the queue (an in-memory one for unit tests lives in testing/).
export abstract class WebhookJobs {
  // Drops the delivery's last job, kept after it ran, so that it can be enqueued again; false when there
  // is none to drop (its last attempt is still finishing).
  abstract releaseWebhook(deliveryId: string): Promise<boolean>;
  abstract wakeWebhooks(cityId: CityId, deliveryIds: readonly string[]): Promise<void>;
}

// Wake-ups of the deadline engine. Job ids are deterministic, so enqueuing twice is harmless; the rows in
// PostgreSQL say what is due, the jobs only say when to look.
@Injectable()
export class NotificationQueues implements WebhookJobs {
  constructor(
    @InjectQueue(QueueName.Reminders) readonly reminders: Queue,
    @InjectQueue(QueueName.Notifications) readonly notifications: Queue,
    private readonly config: AppConfig,
  ) {}

  async wakeReminders(cityId: CityId, due: readonly Due[]): Promise<void> {
    if (due.length === 0) return;
    await this.reminders.addBulk(
      due.map(({ id, at }) => ({
        name: 'reminders.fire',
        data: { cityId, reminderId: id },
        // Completed jobs are dropped at once so a reminder that is re-opened (a returned submission) can be
        // enqueued again under the same id.
        opts: { jobId: reminderJobId(id), delay: delayUntil(at), removeOnComplete: true },
      })),
    );
  }

  // Best effort: a job that is already running finds its reminder cancelled and does nothing.
  async dropReminders(ids: readonly string[]): Promise<void> {
    await Promise.all(ids.map((id) => this.reminders.remove(reminderJobId(id))));
  }

  async wakeNotices(cityId: CityId, due: readonly Due[]): Promise<void> {
    if (due.length === 0) return;
    await this.notifications.addBulk(
      due.map(({ id, at }) => ({
        name: 'notifications.deliver',
        data: { cityId, noticeId: id },
        // As for reminders: a completed job must not block the reconciler from waking a notice again.
        opts: { jobId: noticeJobId(id), delay: delayUntil(at), removeOnComplete: true },
      })),
    );
  }

  async releaseWebhook(deliveryId: string): Promise<boolean> {
    return (await this.notifications.remove(webhookJobId(deliveryId))) > 0;
  }

  async wakeWebhooks(cityId: CityId, deliveryIds: readonly string[]): Promise<void> {
    if (deliveryIds.length === 0) return;
    const { webhookMaxAttempts, webhookBackoffMs } = this.config.notifications;
    await this.notifications.addBulk(
      deliveryIds.map((id) => ({
        name: 'notifications.webhook',
        data: { cityId, deliveryId: id },
        opts: {
          jobId: webhookJobId(id),
          attempts: webhookMaxAttempts,
          backoff: { type: 'exponential', delay: webhookBackoffMs },
        },
      })),
    );
  }
}
