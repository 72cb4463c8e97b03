import { EntityManager } from 'typeorm';
import { CityId } from '@rl/kernel';
import { WebhookDeliveryStatus } from '../persistence/webhook.entity';
import { WebhookDeliveryView } from './webhook.view';

// How many active endpoints a city may have: every notice fans out to each of them.
export const MAX_ACTIVE_WEBHOOKS = 20;

export interface EndpointRow {
  id: string;
  url: string;
  secret: string;
  events: string[];
  active: boolean;
  createdAt: Date;
}

export const ENDPOINT_COLUMNS = `e.id, e.url, e.secret, e.events, e.active, e.created_at AS "createdAt"`;

export async function findEndpoint(
  em: EntityManager,
  cityId: CityId,
  id: string,
  lock = false,
): Promise<EndpointRow | undefined> {
  const [row] = await em.query<EndpointRow[]>(
    `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints e WHERE e.tenant_id = $1 AND e.id = $2
     ${lock ? 'FOR UPDATE' : ''}`,
    [cityId, id],
  );
  return row;
}

export interface DeliveryRow {
  id: string;
  endpointId: string;
  event: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastError: string | null;
  responseStatus: number | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

export const DELIVERY_COLUMNS = `d.id, d.endpoint_id AS "endpointId", d.event, d.status, d.attempts,
  d.last_error AS "lastError", d.response_status AS "responseStatus", d.created_at AS "createdAt",
  d.delivered_at AS "deliveredAt"`;

export const toDeliveryView = (row: DeliveryRow): WebhookDeliveryView => ({
  id: row.id,
  endpointId: row.endpointId,
  event: row.event,
  status: row.status,
  attempts: row.attempts,
  lastError: row.lastError,
  responseStatus: row.responseStatus,
  createdAt: new Date(row.createdAt).toISOString(),
  deliveredAt: row.deliveredAt === null ? null : new Date(row.deliveredAt).toISOString(),
});
