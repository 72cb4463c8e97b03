import { Injectable } from '@nestjs/common';
import {
  AppendResult,
  EventMetadata,
  EventStore,
  EventStoreAggregates,
  EventTransaction,
  HandleOptions,
} from '@rl/event-store';
import { CityId, Decider, DomainEvent } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';

export interface EndpointRow {
  id: string;
  url: string;
  secret: string;
  events: string[];
  active: boolean;
  createdAt: Date;
}

export type NewEndpoint = Pick<EndpointRow, 'id' | 'url' | 'secret' | 'events'>;

// An active endpoint as the list shows it: no secret, and its deliveries counted by status.
export interface ListedEndpoint extends Pick<EndpointRow, 'id' | 'url' | 'events' | 'createdAt'> {
  pending: number;
  delivered: number;
  dead: number;
}

// The writes of one webhook command, all in one city transaction: an endpoint row and the event that
// audits it commit together.
export interface WebhookEndpointWrites {
  // Serialises the city's registrations, so that the cap on active endpoints holds under concurrency.
  lockRegistrations(): Promise<void>;
  countActive(): Promise<number>;
  insert(endpoint: NewEndpoint): Promise<void>;
  // Holds the row lock until commit: concurrent removals of one endpoint take turns.
  deactivate(id: string): Promise<void>;
  // Decides on an aggregate and appends its events in this transaction (Aggregates.handle's rules).
  handle<S, C, E extends DomainEvent>(
    decider: Decider<S, C, E>,
    streamId: string,
    command: C,
    options: HandleOptions,
  ): Promise<AppendResult>;
}

export abstract class WebhookEndpoints {
  // Another city's endpoint is not found, like a made-up id (row-level security).
  abstract find(cityId: CityId, id: string): Promise<EndpointRow | undefined>;
  // Oldest first.
  abstract listActive(cityId: CityId): Promise<ListedEndpoint[]>;
  // Runs `work` in one city transaction under the command's idempotency key: a retry answers with the
  // first result and runs nothing.
  abstract change(
    cityId: CityId,
    metadata: EventMetadata,
    work: (writes: WebhookEndpointWrites) => Promise<AppendResult>,
  ): Promise<AppendResult>;
}

const ENDPOINT_COLUMNS = `e.id, e.url, e.secret, e.events, e.active, e.created_at AS "createdAt"`;

class PgWebhookEndpointWrites implements WebhookEndpointWrites {
  constructor(
    private readonly tx: EventTransaction,
    private readonly aggregates: EventStoreAggregates,
  ) {}

  async lockRegistrations(): Promise<void> {
    await this.tx.em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`webhooks:${this.tx.cityId}`]);
  }

  async countActive(): Promise<number> {
    const [{ active }] = await this.tx.em.query<{ active: number }[]>(
      `SELECT count(*)::int AS active FROM webhook_endpoints WHERE tenant_id = $1 AND active`,
      [this.tx.cityId],
    );
    return active;
  }

  async insert({ id, url, secret, events }: NewEndpoint): Promise<void> {
    await this.tx.em.query(
      `INSERT INTO webhook_endpoints (tenant_id, id, url, secret, events, active)
       VALUES ($1, $2, $3, $4, $5, true)`,
      [this.tx.cityId, id, url, secret, events],
    );
  }

  async deactivate(id: string): Promise<void> {
    await this.tx.em.query(`UPDATE webhook_endpoints SET active = false WHERE tenant_id = $1 AND id = $2`, [
      this.tx.cityId,
      id,
    ]);
  }

  handle<S, C, E extends DomainEvent>(
    decider: Decider<S, C, E>,
    streamId: string,
    command: C,
    options: HandleOptions,
  ): Promise<AppendResult> {
    return this.aggregates.handleIn(this.tx, decider, streamId, command, options);
  }
}

@Injectable()
export class PgWebhookEndpoints implements WebhookEndpoints {
  constructor(
    private readonly db: TenantDb,
    private readonly events: EventStore,
    private readonly aggregates: EventStoreAggregates,
  ) {}

  async find(cityId: CityId, id: string): Promise<EndpointRow | undefined> {
    const [row] = await this.db.inCity(cityId, (em) =>
      em.query<EndpointRow[]>(
        `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints e WHERE e.tenant_id = $1 AND e.id = $2`,
        [cityId, id],
      ),
    );
    return row;
  }

  // Counts come from the (tenant, endpoint, key) index, one endpoint at a time.
  listActive(cityId: CityId): Promise<ListedEndpoint[]> {
    return this.db.inCity(cityId, (em) =>
      em.query<ListedEndpoint[]>(
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
  }

  change(
    cityId: CityId,
    metadata: EventMetadata,
    work: (writes: WebhookEndpointWrites) => Promise<AppendResult>,
  ): Promise<AppendResult> {
    return this.events.idempotent(cityId, metadata, () =>
      this.events.transact(cityId, (tx) => work(new PgWebhookEndpointWrites(tx, this.aggregates))),
    );
  }
}
