import { Query } from '@nestjs/cqrs';
import { CityId, Page } from '@rl/kernel';
import { WebhookDeliveryView } from '../../webhook.view';
import { ListWebhookDeliveriesDto } from './list-webhook-deliveries.dto';

export class ListWebhookDeliveriesQuery extends Query<Page<WebhookDeliveryView>> {
  constructor(
    readonly cityId: CityId,
    readonly filter: ListWebhookDeliveriesDto,
  ) {
    super();
  }
}
