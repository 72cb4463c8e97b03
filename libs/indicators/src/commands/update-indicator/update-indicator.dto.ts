import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { INDICATOR_STATUSES, type IndicatorStatus } from '../../domain/indicator.events';
import { DefineIndicatorDto } from '../define-indicator/define-indicator.dto';

// Changed fields only; null clears an optional field. `code` may be sent but not changed.
export class UpdateIndicatorDto extends PartialType(OmitType(DefineIndicatorDto, ['status'] as const)) {
  @ApiPropertyOptional({ enum: INDICATOR_STATUSES, description: 'draft → active → retired' })
  @IsOptional()
  @IsIn(INDICATOR_STATUSES)
  status?: IndicatorStatus;
}
