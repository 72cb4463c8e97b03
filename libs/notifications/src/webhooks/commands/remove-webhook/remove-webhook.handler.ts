import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@rl/event-store';
import { DomainError } from '@rl/kernel';
import { WriteResultView } from '@rl/web';
import { NotificationEvent, webhookStream } from '../../../domain/notification.events';
import { findEndpoint } from '../../webhook-rows';
import { RemoveWebhookCommand } from './remove-webhook.command';

// Deactivates rather than deletes: past deliveries keep naming their endpoint. Deliveries still pending
// are dead-lettered by their job ('endpoint_removed').
@CommandHandler(RemoveWebhookCommand)
export class RemoveWebhookHandler implements ICommandHandler<RemoveWebhookCommand, WriteResultView> {
  constructor(private readonly events: EventStore) {}

  async execute({ cityId, webhookId, metadata }: RemoveWebhookCommand): Promise<WriteResultView> {
    const removed: NotificationEvent = { type: 'WebhookRemoved', data: { webhookId } };
    const { version, position } = await this.events.idempotent(cityId, metadata, () =>
      this.events.transact(cityId, async (tx) => {
        // Row-level security hides other cities' endpoints: theirs are as unknown as a made-up id.
        const endpoint = await findEndpoint(tx.em, cityId, webhookId, true);
        if (!endpoint?.active) {
          throw new DomainError('not_found', 'WEBHOOK.NOT_FOUND', 'No such webhook', [
            { field: 'id', message: 'is not an active webhook of this city' },
          ]);
        }
        await tx.em.query(`UPDATE webhook_endpoints SET active = false WHERE tenant_id = $1 AND id = $2`, [
          cityId,
          webhookId,
        ]);
        return tx.append(webhookStream(webhookId), 'any', [removed], metadata);
      }),
    );
    return { version, position };
  }
}
