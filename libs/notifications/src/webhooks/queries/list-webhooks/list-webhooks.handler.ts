import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TenantDb } from '@rl/persistence';
import { WebhookView } from '../../webhook.view';
import { ListWebhooksQuery } from './list-webhooks.query';

interface Row {
  id: string;
  url: string;
  events: string[];
  createdAt: Date;
  pending: number;
  delivered: number;
  dead: number;
}

// The city's active endpoints, without their secrets. Counts come from the (tenant, endpoint, key)
// index, one endpoint at a time.
@QueryHandler(ListWebhooksQuery)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooksQuery, WebhookView[]> {
  constructor(private readonly db: TenantDb) {}

  async execute({ cityId }: ListWebhooksQuery): Promise<WebhookView[]> {
    const rows = await this.db.inCity(cityId, (em) =>
      em.query<Row[]>(
        `SELECT e.id, e.url, e.events, e.created_at AS "createdAt", c.pending, c.delivered, c.dead
           FROM webhook_endpoints e
           CROSS JOIN LATERAL (
             SELECT count(*) FILTER (WHERE d.status = 'pending')::int AS pending,
                    count(*) FILTER (WHERE d.status = 'delivered')::int AS delivered,
                    count(*) FILTER (WHERE d.status = 'dead')::int AS dead
               FROM webhook_deliveries d WHERE d.tenant_id = e.tenant_id AND d.endpoint_id = e.id) c
          WHERE e.tenant_id = $1 AND e.active
          ORDER BY e.created_at, e.id`,
        [cityId],
      ),
    );
    return rows.map(({ pending, delivered, dead, createdAt, ...endpoint }) => ({
      ...endpoint,
      createdAt: new Date(createdAt).toISOString(),
      deliveries: { pending, delivered, dead },
    }));
  }
}
