import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PagedReadDto } from '@rl/web';
import { SUBMISSION_STATUSES, type SubmissionStatus } from './domain/submission.events';

export class ListAssignmentsDto extends PagedReadDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() periodId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organisationId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() indicatorId?: string;
}

export class ListSubmissionsDto extends PagedReadDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() indicatorId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() periodId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organisationId?: string;
  @ApiPropertyOptional({ enum: SUBMISSION_STATUSES })
  @IsOptional()
  @IsIn(SUBMISSION_STATUSES)
  status?: SubmissionStatus;
}

export class SeriesReadDto extends PagedReadDto {
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
