import { Query } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { WebhookView } from '../../webhook.view';

export class ListWebhooksQuery extends Query<WebhookView[]> {
  constructor(readonly cityId: CityId) {
    super();
  }
}
