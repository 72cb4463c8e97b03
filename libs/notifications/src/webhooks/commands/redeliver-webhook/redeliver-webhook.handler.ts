import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WebhookErrors } from '../../../domain/notifications.errors';
import { WebhookJobs } from '../../../notification-queues';
import { WebhookDeliveries } from '../../../persistence/webhook-deliveries.repository';
import { toDeliveryView, WebhookDeliveryView } from '../../webhook.view';
import { RedeliverWebhookCommand } from './redeliver-webhook.command';

// Gives a dead-lettered delivery a fresh set of attempts. Operational state, not a domain fact: nothing
// is appended to the log.
@CommandHandler(RedeliverWebhookCommand)
export class RedeliverWebhookHandler implements ICommandHandler<
  RedeliverWebhookCommand,
  WebhookDeliveryView
> {
  constructor(
    private readonly deliveries: WebhookDeliveries,
    private readonly jobs: WebhookJobs,
  ) {}

  async execute({ cityId, deliveryId }: RedeliverWebhookCommand): Promise<WebhookDeliveryView> {
    const reopened = await this.deliveries.reopen(cityId, deliveryId, async (current) => {
      if (!current) {
        throw WebhookErrors.DELIVERY_NOT_FOUND({
          errors: [{ field: 'id', message: 'is not a webhook delivery of this city' }],
        });
      }
      if (current.status !== 'dead') {
        throw WebhookErrors.DELIVERY_NOT_DEAD({
          message: `Only dead deliveries are redelivered; this one is ${current.status}`,
        });
      }
      if (!current.active) throw WebhookErrors.REMOVED();
      // BullMQ ignores an add whose job id still exists, and the last run's job is kept (completed for an
      // hour, failed for a week). It is not running (the delivery is dead), unless it is just finishing.
      if (!(await this.jobs.releaseWebhook(deliveryId))) throw WebhookErrors.DELIVERY_BUSY();
    });
    // After the commit, so that the job sees the delivery pending. Should Redis fail here, the
    // reconciler re-enqueues pending deliveries that have no job.
    await this.jobs.wakeWebhooks(cityId, [deliveryId]);
    return toDeliveryView(reopened);
  }
}
