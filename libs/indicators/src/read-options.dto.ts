import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { MinPositionDto, PagedReadDto } from '@rl/web';
import {
  FRAMEWORKS,
  INDICATOR_STATUSES,
  INDICATOR_TYPES,
  type Framework,
  type IndicatorStatus,
  type IndicatorType,
} from './domain/indicator.events';

export class IndicatorReadDto extends MinPositionDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'The definition as it was at this instant' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  asOf?: Date;

  @ApiPropertyOptional({ description: "Language of the linked terms' definitions (default: the city's)" })
  @IsOptional()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/)
  lang?: string;
}

export class ListIndicatorsDto extends PagedReadDto {
  @ApiPropertyOptional({ enum: INDICATOR_TYPES })
  @IsOptional()
  @IsIn(INDICATOR_TYPES)
  type?: IndicatorType;

  @ApiPropertyOptional({ example: 'non-discrimination' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  right?: string;

  @ApiPropertyOptional({ enum: INDICATOR_STATUSES })
  @IsOptional()
  @IsIn(INDICATOR_STATUSES)
  status?: IndicatorStatus;

  @ApiPropertyOptional({ enum: FRAMEWORKS })
  @IsOptional()
  @IsIn(FRAMEWORKS)
  framework?: Framework;

  @ApiPropertyOptional({
    example: '11.1.1',
    description: 'A framework reference code (with or without framework)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  frameworkCode?: string;
}
