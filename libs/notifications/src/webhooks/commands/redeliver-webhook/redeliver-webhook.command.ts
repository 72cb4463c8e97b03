import { Command } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { WebhookDeliveryView } from '../../webhook.view';

export class RedeliverWebhookCommand extends Command<WebhookDeliveryView> {
  constructor(
    readonly cityId: CityId,
    readonly deliveryId: string,
  ) {
    super();
  }
}
