import { CityId, CursorKey } from '@rl/kernel';
import { WebhookJobs } from '../notification-queues';
import {
  DeliveryFilter,
  DeliveryOutcome,
  DeliveryRow,
  DueDelivery,
  WebhookDeliveries,
} from '../persistence/webhook-deliveries.repository';
import { WebhookDeliveryStatus } from '../persistence/webhook.entity';

type Stored = DeliveryRow & DueDelivery & { cityId: CityId };

// Webhook deliveries in memory, each with what its job needs of its endpoint (url, secret, active).
export class InMemoryWebhookDeliveries implements WebhookDeliveries {
  private readonly rows = new Map<string, Stored>();

  given(cityId: CityId, row: Partial<Stored> & Pick<Stored, 'id'>): this {
    this.rows.set(row.id, {
      endpointId: '0192f0aa-0000-7000-8000-00000000e001',
      event: 'comment.posted',
      status: 'pending',
      attempts: 0,
      lastError: null,
      responseStatus: null,
      createdAt: new Date(),
      deliveredAt: null,
      payload: { event: 'comment.posted' },
      url: 'https://hooks.example.org/rl',
      secret: 'whsec_test',
      active: true,
      ...row,
      cityId,
    });
    return this;
  }

  get(id: string): Stored | undefined {
    return this.rows.get(id);
  }

  due(cityId: CityId, deliveryId: string): Promise<DueDelivery | undefined> {
    return Promise.resolve(this.inCity(cityId, deliveryId));
  }

  deadLetter(cityId: CityId, deliveryId: string, error: string): Promise<void> {
    const row = this.inCity(cityId, deliveryId);
    if (row?.status === 'pending') Object.assign(row, { status: 'dead', lastError: error });
    return Promise.resolve();
  }

  settle(cityId: CityId, id: string, attemptsBefore: number, outcome: DeliveryOutcome): Promise<boolean> {
    const row = this.inCity(cityId, id);
    if (row?.status !== 'pending' || row.attempts !== attemptsBefore) return Promise.resolve(false);
    Object.assign(row, {
      ...outcome,
      lastError: outcome.lastError ?? row.lastError,
      deliveredAt: outcome.status === 'delivered' ? new Date() : null,
    });
    return Promise.resolve(true);
  }

  async reopen(
    cityId: CityId,
    deliveryId: string,
    check: (current: { status: WebhookDeliveryStatus; active: boolean } | undefined) => Promise<void>,
  ): Promise<DeliveryRow> {
    const row = this.inCity(cityId, deliveryId);
    await check(row && { status: row.status, active: row.active });
    return Object.assign(row ?? this.missing(deliveryId), { status: 'pending', attempts: 0 });
  }

  page(
    cityId: CityId,
    filter: DeliveryFilter,
    _before: CursorKey | undefined,
    limit: number,
  ): Promise<(DeliveryRow & { createdAtKey: string })[]> {
    const rows = [...this.rows.values()].filter(
      (r) =>
        r.cityId === cityId &&
        (filter.status === undefined || r.status === filter.status) &&
        (filter.endpointId === undefined || r.endpointId === filter.endpointId),
    );
    return Promise.resolve(
      rows.slice(0, limit + 1).map((r) => ({ ...r, createdAtKey: r.createdAt.toISOString() })),
    );
  }

  private inCity(cityId: CityId, id: string): Stored | undefined {
    const row = this.rows.get(id);
    return row?.cityId === cityId ? row : undefined;
  }

  private missing(id: string): never {
    throw new Error(`No delivery ${id} to reopen`);
  }
}

// The webhook queue in memory: which jobs are still kept, and which deliveries were woken.
export class InMemoryWebhookJobs implements WebhookJobs {
  readonly kept = new Set<string>();
  readonly woken: string[] = [];

  releaseWebhook(deliveryId: string): Promise<boolean> {
    return Promise.resolve(this.kept.delete(deliveryId));
  }

  wakeWebhooks(_: CityId, deliveryIds: readonly string[]): Promise<void> {
    this.woken.push(...deliveryIds);
    return Promise.resolve();
  }
}
