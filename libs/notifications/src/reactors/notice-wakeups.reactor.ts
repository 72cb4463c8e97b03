import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { Reactor, ReactorDefinition } from '@rl/projections';
import { nextLook } from '../persistence/mail-lease';
import { NotificationQueues } from '../notification-queues';
import {
  NOTICE_TRIGGERS_PROJECTION,
  noticeKey,
  NOTIFYING_EVENTS,
} from '../projections/notice-triggers.projection';

export const NOTICE_WAKEUPS_REACTOR = 'notice-wakeups';

// Once the notice triggers have committed a batch, enqueues the delivery of the e-mails and webhook
// deliveries recorded for its events (their key names the event), still pending. Job ids are the row
// ids, so enqueuing twice is harmless; if Redis is down the batch is retried and the reconciler
// (NotificationSweep) enqueues what is due.
@Injectable()
@ReactorDefinition()
export class NoticeWakeupsReactor implements Reactor {
  readonly name = NOTICE_WAKEUPS_REACTOR;
  readonly follows = NOTICE_TRIGGERS_PROJECTION;
  readonly handles = NOTIFYING_EVENTS;
  // A rebuild records no notice that was not news when it happened: nothing new to deliver.
  readonly afterRebuild = 'skip';

  constructor(private readonly queues: NotificationQueues) {}

  react(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    return wakeDeliveries(em, this.queues, cityId, events.map(noticeKey));
  }
}

// Enqueues the e-mails and webhook deliveries recorded under these notice keys that are still pending.
export async function wakeDeliveries(
  em: EntityManager,
  queues: NotificationQueues,
  cityId: CityId,
  keys: readonly string[],
): Promise<void> {
  const notices = await em.query<{ id: string; at: Date }[]>(
    `SELECT id, ${nextLook('notices')} AS at FROM notices
      WHERE tenant_id = $1 AND key = ANY($2::text[]) AND status = 'pending' AND channel = 'email'`,
    [cityId, keys],
  );
  const deliveries = await em.query<{ id: string }[]>(
    `SELECT id FROM webhook_deliveries WHERE tenant_id = $1 AND status = 'pending' AND key = ANY($2::text[])`,
    [cityId, keys],
  );
  await queues.wakeNotices(
    cityId,
    notices.map(({ id, at }) => ({ id, at: new Date(at) })),
  );
  await queues.wakeWebhooks(
    cityId,
    deliveries.map((d) => d.id),
  );
}
