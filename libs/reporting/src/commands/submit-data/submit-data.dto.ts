import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { MAX_OBSERVATIONS } from '../../domain/observation-checks';
import { OBSERVATION_STATUSES, type ObservationStatus } from '../../domain/submission.events';

export class ObservationDto {
  @ApiProperty({
    example: { sex: 'F', district: 'North' },
    description: 'dimension → value; empty for the total',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  @IsObject()
  disaggregation!: Record<string, string>;

  @ApiProperty({ example: 42 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'value must be a finite number' })
  value!: number;

  @ApiPropertyOptional({ enum: OBSERVATION_STATUSES, default: 'normal' })
  @IsOptional()
  @IsIn(OBSERVATION_STATUSES)
  status?: ObservationStatus;
}

export class ObservationsDto {
  @ApiProperty({ type: [ObservationDto], maxItems: MAX_OBSERVATIONS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_OBSERVATIONS)
  @ValidateNested({ each: true })
  @Type(() => ObservationDto)
  observations!: ObservationDto[];
}

export class SubmitDataDto extends ObservationsDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() indicatorId!: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() periodId!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Officials only: the organisation submitted for (defaults to their own)',
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 2000) source?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 4000) note?: string;
}
