import { ApiProperty } from '@nestjs/swagger';
import { SECTIONS } from './domain/report.events';

export class RequestedReportView {
  @ApiProperty({ description: 'The report id; poll GET …/reports/:id until status is done or failed' })
  id!: string;
  @ApiProperty({ description: "The city's event position of the request" }) position!: number;
  @ApiProperty({ description: "The report stream's version" }) version!: number;
}

export class ErratumView {
  @ApiProperty() indicatorCode!: string;
  @ApiProperty({ example: '2025-Q1' }) period!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: '{} is the total' })
  disaggregation!: Record<string, string>;
  @ApiProperty({ type: Number, nullable: true, description: 'As the report showed it (null: suppressed)' })
  oldValue!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'As corrected (null: suppressed or removed)' })
  newValue!: number | null;
  @ApiProperty({ format: 'date-time' }) correctedAt!: string;
  @ApiProperty() reason!: string;
}

export class PinnedCheckpointView {
  @ApiProperty() position!: number;
  @ApiProperty() headHash!: string;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
  @ApiProperty() keyId!: string;
}

export class ReportSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty() year!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['queued', 'done', 'failed'] }) status!: string;
  @ApiProperty() published!: boolean;
  @ApiProperty({ type: Number, nullable: true }) position!: number | null;
  @ApiProperty({ type: String, nullable: true }) contentHash!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) generatedAt!: string | null;
}

export class ReportView {
  @ApiProperty() id!: string;
  @ApiProperty() year!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: SECTIONS, isArray: true }) sections!: string[];
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status!: string;
  @ApiProperty({ description: 'Percent of the generation done (100 once done)' }) progress!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The log position the report is pinned to' })
  position!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'The chain hash of the event at that position' })
  headHash!: string | null;
  @ApiProperty({
    type: PinnedCheckpointView,
    nullable: true,
    description: 'The latest signed checkpoint at or before the position',
  })
  checkpoint!: PinnedCheckpointView | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the canonical content (hex)' })
  contentHash!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The instant of the pinned event (the content carries no other time)',
  })
  generatedAt!: string | null;
  @ApiProperty() published!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Why generation failed' }) error!: string | null;
  @ApiProperty({ type: [ErratumView], description: 'Later corrections of values the report used' })
  errata!: ErratumView[];
  @ApiProperty({ description: "The report stream's version" }) version!: number;
}
