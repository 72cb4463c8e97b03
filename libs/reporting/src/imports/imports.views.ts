import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { FieldError } from '@rl/kernel';
import { ImportReportView } from '../commands/import-open-sdg/import-open-sdg.dto';
import { IMPORT_STATUSES, ImportStatus } from './import.entity';
import { ImportRow } from './imports.store';

export const MAX_IMPORTS_PAGE = 100;

export class ListImportsDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The `next` of the previous page' })
  @IsOptional()
  @IsUUID()
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_IMPORTS_PAGE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_IMPORTS_PAGE)
  limit?: number;
}

export class ImportProgressView {
  @ApiProperty({ description: 'Data rows read so far' }) rows!: number;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Share of the file read (100 when finished)' })
  percent!: number;
}

export class ImportErrorView {
  @ApiProperty({ example: 'IMPORT.TOO_MANY_ROWS' }) code!: string;
  @ApiProperty() detail!: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) errors!: FieldError[];
}

export class ImportView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: IMPORT_STATUSES }) status!: ImportStatus;
  @ApiProperty({ type: ImportProgressView }) progress!: ImportProgressView;
  @ApiPropertyOptional({
    type: ImportReportView,
    nullable: true,
    description: 'Once done, or rejected row by row (then nothing was written)',
  })
  report!: ImportReportView | null;
  @ApiPropertyOptional({
    type: ImportErrorView,
    nullable: true,
    description: 'Why a rejected import stopped, when not row by row (a cap, the layout, access)',
  })
  error!: ImportErrorView | null;
  @ApiProperty({ format: 'uuid' }) indicatorId!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty() fileSize!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class ImportsPageView {
  @ApiProperty({ type: [ImportView], description: 'Newest first' }) imports!: ImportView[];
  @ApiProperty({ type: String, nullable: true, description: 'Cursor of the next page; null on the last' })
  next!: string | null;
}

export const importView = ({ rowsRead, percent, ...row }: ImportRow): ImportView => ({
  ...row,
  progress: { rows: rowsRead, percent },
  report: row.report as ImportReportView | null,
  error: row.error as ImportErrorView | null,
});
