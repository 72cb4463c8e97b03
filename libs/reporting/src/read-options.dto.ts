import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { SUBMISSION_STATUSES, type SubmissionStatus } from './domain/submission.events';

export class MinPositionDto {
  @ApiPropertyOptional({
    description:
      'Read your own write: wait (up to 3 s) until the read model includes this event position; 503 with Retry-After otherwise',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  minPosition?: number;
}

export class ListAssignmentsDto extends MinPositionDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() periodId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organisationId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() indicatorId?: string;
}

export class ListSubmissionsDto extends MinPositionDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() indicatorId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() periodId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organisationId?: string;
  @ApiPropertyOptional({ enum: SUBMISSION_STATUSES })
  @IsOptional()
  @IsIn(SUBMISSION_STATUSES)
  status?: SubmissionStatus;
}

export class SeriesReadDto extends MinPositionDto {
  @ApiPropertyOptional({
    example: 'sex:F',
    description: 'dimension:value pairs, comma-separated; omitted: the total (no disaggregation)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  disaggregation?: string;

  @ApiPropertyOptional({
    enum: ['validated', 'submitted'],
    description: 'validated: only validated values; otherwise the latest submitted value of each period',
  })
  @IsOptional()
  @IsIn(['validated', 'submitted'])
  status?: 'validated' | 'submitted';
}
