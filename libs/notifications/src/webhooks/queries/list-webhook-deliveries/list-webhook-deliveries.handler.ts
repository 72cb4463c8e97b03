import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { pageRequest } from '@rl/web';
import { WebhookDeliveries } from '../../../persistence/webhook-deliveries.repository';
import { toDeliveryView, WebhookDeliveryView } from '../../webhook.view';
import { ListWebhookDeliveriesQuery } from './list-webhook-deliveries.query';

@QueryHandler(ListWebhookDeliveriesQuery)
export class ListWebhookDeliveriesHandler implements IQueryHandler<
  ListWebhookDeliveriesQuery,
  Page<WebhookDeliveryView>
> {
  constructor(private readonly deliveries: WebhookDeliveries) {}

  async execute({ cityId, filter }: ListWebhookDeliveriesQuery): Promise<Page<WebhookDeliveryView>> {
    const page = pageRequest(filter);
    const rows = await this.deliveries.page(cityId, filter, cursorOf(page, ['instant', 'uuid']), page.limit);
    return pageOf(rows, page.limit, (row) => [row.createdAtKey, row.id], toDeliveryView);
  }
}
