import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import { CityRow } from '@rl/persistence';

// A city's webhook endpoint. The secret signs deliveries (HMAC-SHA256), so it is kept, and shown once.
@Entity('webhook_endpoints')
export class WebhookEndpointRecord extends CityRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  @Column({ type: 'varchar', length: 100 })
  secret!: string;

  // Notice kinds it receives; empty = all.
  @Column({ type: 'text', array: true })
  events!: string[];

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

// One event for one endpoint; `dead` once every retry failed (the dead-letter list).
@Entity('webhook_deliveries')
@Unique('UQ_webhook_deliveries_key', ['tenantId', 'endpointId', 'key'])
@Index('IDX_webhook_deliveries_status', ['tenantId', 'status', 'createdAt'])
// A failure category (http_503, timeout, blocked_address…), never text from the receiver.
@Check('ck_webhook_deliveries_last_error', `"last_error" ~ '^[a-z0-9_]{1,40}$'`)
@Index('IDX_webhook_deliveries_created', ['tenantId', 'createdAt', 'id'])
export class WebhookDeliveryRecord extends CityRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'endpoint_id', type: 'uuid' })
  endpointId!: string;

  @Column({ type: 'varchar', length: 200 })
  key!: string;

  @Column({ type: 'varchar', length: 40 })
  event!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'enum', enum: WEBHOOK_DELIVERY_STATUSES, enumName: 'webhook_delivery_status' })
  status!: WebhookDeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}
