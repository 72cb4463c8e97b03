import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResultView } from '@rl/web';
import { webhookStream } from '../../../domain/notification.events';
import { webhookDecider } from '../../../domain/webhook.decider';
import { WebhookEndpoints } from '../../../persistence/webhook-endpoints.repository';
import { RemoveWebhookCommand } from './remove-webhook.command';

// Deactivates rather than deletes: past deliveries keep naming their endpoint. Deliveries still pending
// are dead-lettered by their job ('endpoint_removed').
@CommandHandler(RemoveWebhookCommand)
export class RemoveWebhookHandler implements ICommandHandler<RemoveWebhookCommand, WriteResultView> {
  constructor(private readonly endpoints: WebhookEndpoints) {}

  async execute({ cityId, webhookId, metadata }: RemoveWebhookCommand): Promise<WriteResultView> {
    const { version, position } = await this.endpoints.change(cityId, metadata, async (writes) => {
      // First, so that a concurrent removal waits for this one and then finds the webhook removed.
      await writes.deactivate(webhookId);
      return writes.handle(
        webhookDecider,
        webhookStream(webhookId),
        { type: 'RemoveWebhook', webhookId },
        { expected: 'any', metadata },
      );
    });
    return { version, position };
  }
}
