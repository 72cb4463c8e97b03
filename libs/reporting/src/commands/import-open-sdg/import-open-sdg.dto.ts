import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

// The text fields of the multipart form; the file itself is the `file` part.
export class ImportOpenSdgDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() indicatorId!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Officials only: the organisation imported for (defaults to their own)',
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: check and report, write nothing' })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';

  @ApiPropertyOptional({
    description:
      'JSON mapping local labels to declared ones: {"columns":{"Sexe":"sex"},"values":{"sex":{"Dona":"F"}}}',
    example: '{"columns":{"Sexe":"sex"},"values":{"sex":{"Dona":"F","Home":"M"}}}',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  mapping?: string;
}

// The form POST …/imports takes: without indicatorId the file must be a filled spreadsheet template
// (indicator, period and organisation come from its signed metadata sheet).
export class ImportUploadDto extends OmitType(ImportOpenSdgDto, ['indicatorId']) {
  @ApiPropertyOptional({ format: 'uuid', description: 'Required unless the file is a filled template' })
  @IsOptional()
  @IsUUID()
  indicatorId?: string;
}

export class ImportRejectedRowView {
  @ApiProperty({ description: 'Line number in the file (header = 1)' }) row!: number;
  @ApiProperty() reason!: string;
}

export class ImportSubmissionView {
  @ApiProperty({ example: '2013/14' }) period!: string;
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class ImportReportView {
  @ApiProperty({ description: 'false if any row was rejected (then nothing was written)' }) ok!: boolean;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ description: 'Data rows read (header excluded, blank lines skipped)' }) rows!: number;
  @ApiProperty({ description: 'Observations accepted (identical duplicates counted once)' })
  accepted!: number;
  @ApiProperty({ description: 'Rows with an empty Value, skipped' }) skippedEmpty!: number;
  @ApiProperty({ description: 'Identical repetitions of an earlier row, kept once' }) duplicates!: number;
  @ApiProperty({ type: [ImportRejectedRowView], description: 'The first 1,000 rejected rows, in file order' })
  rejected!: ImportRejectedRowView[];
  @ApiProperty({ description: 'Every rejected row, counted' }) rejectedCount!: number;
  @ApiProperty({ type: [String], description: 'Period codes created (or, in a dry run, to create)' })
  periodsCreated!: string[];
  @ApiProperty({ type: [ImportSubmissionView] }) submissions!: ImportSubmissionView[];
  @ApiPropertyOptional({ description: 'Stream position of the last event written (for minPosition)' })
  position?: number;
}

// 201: the import ran during the request (a small file).
export class ImportResultView extends ImportReportView {
  @ApiProperty({ format: 'uuid', description: 'The import, as GET …/imports/:id shows it' }) id!: string;
}

// 202: the import runs in the background; poll GET …/imports/:id.
export class ImportQueuedView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['queued'] }) status!: 'queued';
}
