import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TenantDb } from '@rl/persistence';
import { DELIVERY_COLUMNS, DeliveryRow, toDeliveryView } from '../../webhook-rows';
import { WebhookDeliveryView } from '../../webhook.view';
import { ListWebhookDeliveriesQuery } from './list-webhook-deliveries.query';

const DEFAULT_LIMIT = 50;

@QueryHandler(ListWebhookDeliveriesQuery)
export class ListWebhookDeliveriesHandler implements IQueryHandler<
  ListWebhookDeliveriesQuery,
  WebhookDeliveryView[]
> {
  constructor(private readonly db: TenantDb) {}

  execute({ cityId, filter }: ListWebhookDeliveriesQuery): Promise<WebhookDeliveryView[]> {
    return this.db.inCity(cityId, async (em) => {
      const rows = await em.query<DeliveryRow[]>(
        `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d
          WHERE d.tenant_id = $1
            AND ($2::webhook_delivery_status IS NULL OR d.status = $2::webhook_delivery_status)
            AND ($3::uuid IS NULL OR d.endpoint_id = $3::uuid)
          ORDER BY d.created_at DESC, d.id DESC
          LIMIT $4`,
        [cityId, filter.status ?? null, filter.endpointId ?? null, filter.limit ?? DEFAULT_LIMIT],
      );
      return rows.map(toDeliveryView);
    });
  }
}
