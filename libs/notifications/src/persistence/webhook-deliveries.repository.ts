import { Injectable } from '@nestjs/common';
import { CityId, CursorKey } from '@rl/kernel';
import { keysetCondition, TenantDb } from '@rl/persistence';
import { WebhookDeliveryStatus } from './webhook.entity';

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

// A delivery as its job sends it: what to POST where, signed with which secret.
export interface DueDelivery {
  status: WebhookDeliveryStatus;
  attempts: number;
  event: string;
  payload: Record<string, unknown>;
  url: string;
  secret: string;
  active: boolean;
}

// The state of a delivery after one attempt (see settleAttempt).
export interface DeliveryOutcome {
  status: WebhookDeliveryStatus;
  attempts: number;
  // Null keeps the error of an earlier attempt.
  lastError: string | null;
  responseStatus: number | null;
}

export interface DeliveryFilter {
  status?: WebhookDeliveryStatus;
  endpointId?: string;
}

export abstract class WebhookDeliveries {
  abstract due(cityId: CityId, deliveryId: string): Promise<DueDelivery | undefined>;
  // A pending delivery whose endpoint is gone is dead-lettered with `error`.
  abstract deadLetter(cityId: CityId, deliveryId: string, error: string): Promise<void>;
  // Records an attempt's outcome only if the delivery is still pending at `attemptsBefore` (a
  // redelivery meanwhile wins); whether it was recorded.
  abstract settle(
    cityId: CityId,
    deliveryId: string,
    attemptsBefore: number,
    outcome: DeliveryOutcome,
  ): Promise<boolean>;
  // Gives the delivery a fresh set of attempts once `check` accepts it, seen locked with its endpoint's
  // state (undefined: no such delivery in the city); `check` throws to refuse.
  abstract reopen(
    cityId: CityId,
    deliveryId: string,
    check: (current: { status: WebhookDeliveryStatus; active: boolean } | undefined) => Promise<void>,
  ): Promise<DeliveryRow>;
  // Newest first, after the (created_at as text, id) cursor; one row more than `limit` tells of a next page.
  abstract page(
    cityId: CityId,
    filter: DeliveryFilter,
    before: CursorKey | undefined,
    limit: number,
  ): Promise<(DeliveryRow & { createdAtKey: string })[]>;
}

const DELIVERY_COLUMNS = `d.id, d.endpoint_id AS "endpointId", d.event, d.status, d.attempts,
  d.last_error AS "lastError", d.response_status AS "responseStatus", d.created_at AS "createdAt",
  d.delivered_at AS "deliveredAt"`;

@Injectable()
export class PgWebhookDeliveries implements WebhookDeliveries {
  constructor(private readonly db: TenantDb) {}

  async due(cityId: CityId, deliveryId: string): Promise<DueDelivery | undefined> {
    const [row] = await this.db.inCity(cityId, (em) =>
      em.query<DueDelivery[]>(
        `SELECT d.status, d.attempts, d.event, d.payload, e.url, e.secret, e.active
           FROM webhook_deliveries d
           JOIN webhook_endpoints e ON e.tenant_id = d.tenant_id AND e.id = d.endpoint_id
          WHERE d.tenant_id = $1 AND d.id = $2`,
        [cityId, deliveryId],
      ),
    );
    return row;
  }

  async deadLetter(cityId: CityId, deliveryId: string, error: string): Promise<void> {
    await this.db.inCity(cityId, (em) =>
      em.query(
        `UPDATE webhook_deliveries SET status = 'dead', last_error = $3
          WHERE tenant_id = $1 AND id = $2 AND status = 'pending'`,
        [cityId, deliveryId, error],
      ),
    );
  }

  async settle(
    cityId: CityId,
    deliveryId: string,
    attemptsBefore: number,
    outcome: DeliveryOutcome,
  ): Promise<boolean> {
    const [, settled] = await this.db.inCity(cityId, (em) =>
      em.query<[unknown[], number]>(
        `UPDATE webhook_deliveries
            SET status = $3::webhook_delivery_status, attempts = $4, last_error = coalesce($5, last_error),
                response_status = $6,
                delivered_at = CASE WHEN $3::webhook_delivery_status = 'delivered' THEN now() END
          WHERE tenant_id = $1 AND id = $2 AND status = 'pending' AND attempts = $7`,
        [
          cityId,
          deliveryId,
          outcome.status,
          outcome.attempts,
          outcome.lastError,
          outcome.responseStatus,
          attemptsBefore,
        ],
      ),
    );
    return settled > 0;
  }

  reopen(
    cityId: CityId,
    deliveryId: string,
    check: (current: { status: WebhookDeliveryStatus; active: boolean } | undefined) => Promise<void>,
  ): Promise<DeliveryRow> {
    return this.db.inCity(cityId, async (em) => {
      const [current] = await em.query<{ status: WebhookDeliveryStatus; active: boolean }[]>(
        `SELECT d.status, e.active
           FROM webhook_deliveries d
           JOIN webhook_endpoints e ON e.tenant_id = d.tenant_id AND e.id = d.endpoint_id
          WHERE d.tenant_id = $1 AND d.id = $2
          FOR UPDATE OF d`,
        [cityId, deliveryId],
      );
      await check(current);
      // An UPDATE answers [rows, affected count] through TypeORM.
      const [[updated]] = await em.query<[DeliveryRow[], number]>(
        `UPDATE webhook_deliveries d SET status = 'pending', attempts = 0
          WHERE d.tenant_id = $1 AND d.id = $2
        RETURNING ${DELIVERY_COLUMNS}`,
        [cityId, deliveryId],
      );
      return updated;
    });
  }

  // The cursor keeps created_at as PostgreSQL's text (microseconds, which a Date loses).
  page(
    cityId: CityId,
    filter: DeliveryFilter,
    before: CursorKey | undefined,
    limit: number,
  ): Promise<(DeliveryRow & { createdAtKey: string })[]> {
    const params: unknown[] = [cityId, filter.status ?? null, filter.endpointId ?? null];
    const keyset = keysetCondition(['d.created_at', 'd.id'], before, params, '<');
    params.push(limit + 1);
    return this.db.inCity(cityId, (em) =>
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
  }
}
