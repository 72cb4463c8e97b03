import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PagedReadDto } from '@rl/web';
import {
  RESOURCE_KINDS,
  RESOURCE_STATUSES,
  type ResourceKind,
  type ResourceStatus,
} from '../../domain/resource.events';

export class ListResourcesDto extends PagedReadDto {
  @ApiPropertyOptional({ enum: RESOURCE_KINDS })
  @IsOptional()
  @IsIn(RESOURCE_KINDS)
  kind?: ResourceKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only those this organisation offers' })
  @IsOptional()
  @IsUUID()
  organisation?: string;

  @ApiPropertyOptional({ description: 'Words in the title (any case, all of them)', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only those linked to this indicator' })
  @IsOptional()
  @IsUUID()
  indicatorId?: string;

  @ApiPropertyOptional({ enum: RESOURCE_STATUSES, description: 'Offered, withdrawn; both by default' })
  @IsOptional()
  @IsIn(RESOURCE_STATUSES)
  status?: ResourceStatus;
}
