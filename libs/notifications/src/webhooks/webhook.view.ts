import { ApiProperty } from '@nestjs/swagger';
import { OUTBOUND_FAILURES } from '@rl/outbound';
import { WriteResultView } from '@rl/web';
import { NOTICE_KINDS } from '../domain/notice';
import { DeliveryRow } from '../persistence/webhook-deliveries.repository';
import { WEBHOOK_DELIVERY_STATUSES, WebhookDeliveryStatus } from '../persistence/webhook.entity';

export class DeliveryCountsView {
  @ApiProperty() pending!: number;
  @ApiProperty() delivered!: number;
  @ApiProperty({ description: 'Gave up after every retry: see GET …/webhooks/deliveries?status=dead' })
  dead!: number;
}

export class WebhookView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'https://example.org/hooks/rights-ledger' }) url!: string;
  @ApiProperty({
    enum: NOTICE_KINDS,
    isArray: true,
    description: 'The notice kinds it receives; empty = all',
  })
  events!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: DeliveryCountsView }) deliveries!: DeliveryCountsView;
}

export class CreatedWebhookView extends WriteResultView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ enum: NOTICE_KINDS, isArray: true, description: 'Empty = all notice kinds' })
  events!: string[];
  @ApiProperty({
    example: 'whsec_…',
    description:
      'The signing secret, shown only in this response: check the X-Rights-Ledger-Signature header ' +
      '(t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">) with it',
  })
  secret!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class WebhookDeliveryView {
  @ApiProperty({ format: 'uuid', description: 'Also the `id` of the body and X-Rights-Ledger-Delivery' })
  id!: string;
  @ApiProperty({ format: 'uuid' }) endpointId!: string;
  @ApiProperty({ enum: NOTICE_KINDS, description: 'The notice kind' }) event!: string;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES }) status!: WebhookDeliveryStatus;
  @ApiProperty({ description: 'HTTP attempts so far' }) attempts!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'http_503',
    description:
      'The last failure as a category: http_<status>, or one of ' +
      `${OUTBOUND_FAILURES.join(', ')}, endpoint_removed. Never the response body`,
  })
  lastError!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'HTTP status of the last response' })
  responseStatus!: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', type: String, nullable: true }) deliveredAt!: string | null;
}

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
