import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { NotificationQueues, webhookJobId } from '../../../notification-queues';
import { WebhookDeliveryStatus } from '../../../persistence/webhook.entity';
import { DELIVERY_COLUMNS, DeliveryRow, toDeliveryView } from '../../webhook-rows';
import { WebhookDeliveryView } from '../../webhook.view';
import { RedeliverWebhookCommand } from './redeliver-webhook.command';

const notFound = () =>
  new DomainError('not_found', 'WEBHOOK.DELIVERY_NOT_FOUND', 'No such webhook delivery', [
    { field: 'id', message: 'is not a webhook delivery of this city' },
  ]);

// Gives a dead-lettered delivery a fresh set of attempts. Operational state, not a domain fact: nothing
// is appended to the log.
@CommandHandler(RedeliverWebhookCommand)
export class RedeliverWebhookHandler implements ICommandHandler<
  RedeliverWebhookCommand,
  WebhookDeliveryView
> {
  constructor(
    private readonly db: TenantDb,
    private readonly queues: NotificationQueues,
  ) {}

  async execute({ cityId, deliveryId }: RedeliverWebhookCommand): Promise<WebhookDeliveryView> {
    const view = await this.db.inCity(cityId, async (em) => {
      const [current] = await em.query<{ status: WebhookDeliveryStatus; active: boolean }[]>(
        `SELECT d.status, e.active
           FROM webhook_deliveries d
           JOIN webhook_endpoints e ON e.tenant_id = d.tenant_id AND e.id = d.endpoint_id
          WHERE d.tenant_id = $1 AND d.id = $2
          FOR UPDATE OF d`,
        [cityId, deliveryId],
      );
      if (!current) throw notFound();
      if (current.status !== 'dead') {
        throw new DomainError(
          'conflict',
          'WEBHOOK.DELIVERY_NOT_DEAD',
          `Only dead deliveries are redelivered; this one is ${current.status}`,
        );
      }
      if (!current.active) {
        throw new DomainError('conflict', 'WEBHOOK.REMOVED', 'The webhook of this delivery was removed');
      }
      // BullMQ ignores an add whose job id still exists, and the last run's job is kept (completed for an
      // hour, failed for a week). It is not running (the delivery is dead), unless it is just finishing.
      if ((await this.queues.notifications.remove(webhookJobId(deliveryId))) === 0) {
        throw new DomainError(
          'conflict',
          'WEBHOOK.DELIVERY_BUSY',
          'The last attempt is still finishing; try again in a moment',
        );
      }
      // An UPDATE answers [rows, affected count] through TypeORM.
      const [[updated]] = await em.query<[DeliveryRow[], number]>(
        `UPDATE webhook_deliveries d SET status = 'pending', attempts = 0
          WHERE d.tenant_id = $1 AND d.id = $2
        RETURNING ${DELIVERY_COLUMNS}`,
        [cityId, deliveryId],
      );
      return toDeliveryView(updated);
    });
    // After the commit, so that the job sees the delivery pending. Should Redis fail here, the
    // reconciler re-enqueues pending deliveries that have no job.
    await this.queues.wakeWebhooks(cityId, [deliveryId]);
    return view;
  }
}
