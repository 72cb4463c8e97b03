import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { keysetCondition, TenantDb } from '@rl/persistence';
import { pageRequest } from '@rl/web';
import { DELIVERY_COLUMNS, DeliveryRow, toDeliveryView } from '../../webhook-rows';
import { WebhookDeliveryView } from '../../webhook.view';
import { ListWebhookDeliveriesQuery } from './list-webhook-deliveries.query';

@QueryHandler(ListWebhookDeliveriesQuery)
export class ListWebhookDeliveriesHandler implements IQueryHandler<
  ListWebhookDeliveriesQuery,
  Page<WebhookDeliveryView>
> {
  constructor(private readonly db: TenantDb) {}

  async execute({ cityId, filter }: ListWebhookDeliveriesQuery): Promise<Page<WebhookDeliveryView>> {
    const page = pageRequest(filter);
    const after = cursorOf(page, ['instant', 'uuid']);
    const params: unknown[] = [cityId, filter.status ?? null, filter.endpointId ?? null];
    // Newest first; the cursor keeps created_at as PostgreSQL's text (microseconds, which a Date loses).
    const keyset = keysetCondition(['d.created_at', 'd.id'], after, params, '<');
    params.push(page.limit + 1);
    const rows = await this.db.inCity(cityId, (em) =>
      em.query<(DeliveryRow & { createdAtKey: string })[]>(
        `SELECT ${DELIVERY_COLUMNS}, d.created_at::text AS "createdAtKey" FROM webhook_deliveries d
          WHERE d.tenant_id = $1
            AND ($2::webhook_delivery_status IS NULL OR d.status = $2::webhook_delivery_status)
            AND ($3::uuid IS NULL OR d.endpoint_id = $3::uuid)
            AND ${keyset}
          ORDER BY d.created_at DESC, d.id DESC
          LIMIT $${params.length}`,
        params,
      ),
    );
    return pageOf(rows, page.limit, (row) => [row.createdAtKey, row.id], toDeliveryView);
  }
}
