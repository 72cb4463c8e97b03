import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { WebhookEndpoints } from '../../../persistence/webhook-endpoints.repository';
import { WebhookView } from '../../webhook.view';
import { ListWebhooksQuery } from './list-webhooks.query';

// The city's active endpoints, without their secrets.
@QueryHandler(ListWebhooksQuery)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooksQuery, WebhookView[]> {
  constructor(private readonly endpoints: WebhookEndpoints) {}

  async execute({ cityId }: ListWebhooksQuery): Promise<WebhookView[]> {
    const rows = await this.endpoints.listActive(cityId);
    return rows.map(({ pending, delivered, dead, createdAt, ...endpoint }) => ({
      ...endpoint,
      createdAt: new Date(createdAt).toISOString(),
      deliveries: { pending, delivered, dead },
    }));
  }
}
