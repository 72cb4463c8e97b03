import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { WEBHOOK_DELIVERY_STATUSES, WebhookDeliveryStatus } from '../../../persistence/webhook.entity';

export const MAX_DELIVERIES_PAGE = 200;

export class ListWebhookDeliveriesDto {
  @ApiPropertyOptional({
    enum: WEBHOOK_DELIVERY_STATUSES,
    description: 'dead = the dead-letter list (every retry failed)',
  })
  @IsOptional()
  @IsIn(WEBHOOK_DELIVERY_STATUSES)
  status?: WebhookDeliveryStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the deliveries to this webhook' })
  @IsOptional()
  @IsUUID()
  endpointId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_DELIVERIES_PAGE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_DELIVERIES_PAGE)
  limit?: number;
}
