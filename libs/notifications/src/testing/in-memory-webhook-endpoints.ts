import { AppendResult, EventMetadata } from '@rl/event-store';
import { InMemoryAggregates } from '@rl/event-store/testing';
import { CityId } from '@rl/kernel';
import {
  EndpointRow,
  ListedEndpoint,
  WebhookEndpoints,
  WebhookEndpointWrites,
} from '../persistence/webhook-endpoints.repository';

// Webhook endpoints in memory, their streams in the given InMemoryAggregates; a failed change leaves the
// rows as they were (the streams are only appended to once a decision stands).
export class InMemoryWebhookEndpoints implements WebhookEndpoints {
  private rows = new Map<string, EndpointRow & { cityId: CityId }>();
  private readonly byKey = new Map<string, AppendResult>();

  constructor(readonly aggregates = new InMemoryAggregates()) {}

  given(cityId: CityId, row: EndpointRow): this {
    this.rows.set(row.id, { ...row, cityId });
    return this;
  }

  find(cityId: CityId, id: string): Promise<EndpointRow | undefined> {
    const row = this.rows.get(id);
    return Promise.resolve(row?.cityId === cityId ? row : undefined);
  }

  listActive(cityId: CityId): Promise<ListedEndpoint[]> {
    const active = [...this.rows.values()].filter((r) => r.cityId === cityId && r.active);
    return Promise.resolve(active.map((r) => ({ ...r, pending: 0, delivered: 0, dead: 0 })));
  }

  async change(
    cityId: CityId,
    metadata: EventMetadata,
    work: (writes: WebhookEndpointWrites) => Promise<AppendResult>,
  ): Promise<AppendResult> {
    const key = metadata.idempotencyKey && `${cityId}:${metadata.idempotencyKey}`;
    const earlier = key ? this.byKey.get(key) : undefined;
    if (earlier) return earlier;
    const before = new Map(this.rows);
    try {
      const result = await work(this.writes(cityId));
      if (key) this.byKey.set(key, result);
      return result;
    } catch (error) {
      this.rows = before;
      throw error;
    }
  }

  private writes(cityId: CityId): WebhookEndpointWrites {
    return {
      lockRegistrations: () => Promise.resolve(),
      countActive: () =>
        Promise.resolve([...this.rows.values()].filter((r) => r.cityId === cityId && r.active).length),
      insert: (endpoint) => {
        this.rows.set(endpoint.id, { ...endpoint, cityId, active: true, createdAt: new Date() });
        return Promise.resolve();
      },
      deactivate: (id) => {
        const row = this.rows.get(id);
        if (row?.cityId === cityId) this.rows.set(id, { ...row, active: false });
        return Promise.resolve();
      },
      handle: (decider, streamId, command, options) =>
        this.aggregates.handle(cityId, decider, streamId, command, options),
    };
  }
}
