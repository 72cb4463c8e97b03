import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EXPORT_FORMATS } from './export-formats';

export const FORMAT_NAMES = Object.keys(EXPORT_FORMATS);

export class ExportQueryDto {
  @ApiPropertyOptional({ enum: FORMAT_NAMES, default: 'json' })
  @IsOptional()
  @IsIn(FORMAT_NAMES)
  format?: string;
}
