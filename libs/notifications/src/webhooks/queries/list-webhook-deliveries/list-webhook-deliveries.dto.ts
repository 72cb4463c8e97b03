import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@rl/web';
import { WEBHOOK_DELIVERY_STATUSES, WebhookDeliveryStatus } from '../../../persistence/webhook.entity';

export class ListWebhookDeliveriesDto extends PageQueryDto {
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
}
