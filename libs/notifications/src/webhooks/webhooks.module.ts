import { Module } from '@nestjs/common';
import { EventSchemas } from '@rl/event-store';
import { OutboundModule } from '@rl/outbound';
import { webhookRegisteredV2 } from '../domain/notification.events';
import { NotificationQueues, WebhookJobs } from '../notification-queues';
import { PgWebhookDeliveries, WebhookDeliveries } from '../persistence/webhook-deliveries.repository';
import { PgWebhookEndpoints, WebhookEndpoints } from '../persistence/webhook-endpoints.repository';
import { RedeliverWebhookHandler } from './commands/redeliver-webhook/redeliver-webhook.handler';
import { RegisterWebhookHandler } from './commands/register-webhook/register-webhook.handler';
import { RemoveWebhookHandler } from './commands/remove-webhook/remove-webhook.handler';
import { DeliverWebhookHandler } from './jobs/deliver-webhook.handler';
import { ListWebhookDeliveriesHandler } from './queries/list-webhook-deliveries/list-webhook-deliveries.handler';
import { ListWebhooksHandler } from './queries/list-webhooks/list-webhooks.handler';
import { WebhooksController } from './webhooks.controller';

// Outgoing webhooks: endpoints (registered by coordinators, audited in the log), the delivery job with
// its retries and dead-letter list, and redelivery. Deliveries are recorded by the NoticeOutbox.
@Module({
  imports: [OutboundModule],
  controllers: [WebhooksController],
  providers: [
    // Stateless queue handles; NotificationsModule, which imports this module, keeps its own.
    NotificationQueues,
    { provide: WebhookJobs, useExisting: NotificationQueues },
    { provide: WebhookEndpoints, useClass: PgWebhookEndpoints },
    { provide: WebhookDeliveries, useClass: PgWebhookDeliveries },
    RegisterWebhookHandler,
    RemoveWebhookHandler,
    RedeliverWebhookHandler,
    ListWebhooksHandler,
    ListWebhookDeliveriesHandler,
    DeliverWebhookHandler,
  ],
})
export class WebhooksModule {
  constructor(schemas: EventSchemas) {
    schemas.register('WebhookRegistered', 2, { 1: webhookRegisteredV2 });
  }
}
