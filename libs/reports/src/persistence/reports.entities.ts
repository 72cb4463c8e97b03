import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AggregateRow, CityRow } from '@rl/persistence';
import type { ReportContent } from '../domain/report-content';
import type { PinnedCheckpoint, Section } from '../domain/report.events';

// Read model of the reports projection; written only by it. The public reader role sees published ones.
@Entity('reports')
export class ReportRecord extends AggregateRow {
  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'jsonb' })
  sections!: Section[];

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy!: string;

  // queued · done · failed (running and progress live with the job: see ReportJobs).
  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ type: 'bigint', nullable: true })
  position!: string | null;

  @Column({ name: 'head_hash', type: 'varchar', length: 64, nullable: true })
  headHash!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  checkpoint!: PinnedCheckpoint | null;

  @Column({ name: 'content_hash', type: 'varchar', length: 64, nullable: true })
  contentHash!: string | null;

  @Column({ name: 'generated_at', type: 'timestamptz', nullable: true })
  generatedAt!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  content!: ReportContent | null;

  // `indicatorId/periodId` of every cell group the report shows: what a later validation may correct.
  @Column({ type: 'jsonb' })
  used!: string[];

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'boolean' })
  published!: boolean;
}

// A later correction of a value a report used (computed when the correction is validated; the report's
// content is never changed). Keyed by the correcting event's position.
@Entity('report_errata')
export class ReportErratumRecord extends CityRow {
  @PrimaryColumn({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @PrimaryColumn({ type: 'bigint' })
  position!: string;

  @PrimaryColumn({ name: 'indicator_code', type: 'varchar', length: 32 })
  indicatorCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  period!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'jsonb' })
  disaggregation!: Record<string, string>;

  @Column({ name: 'old_value', type: 'double precision', nullable: true })
  oldValue!: number | null;

  @Column({ name: 'new_value', type: 'double precision', nullable: true })
  newValue!: number | null;

  @Column({ name: 'corrected_at', type: 'timestamptz' })
  correctedAt!: Date;

  @Column({ type: 'text' })
  reason!: string;
}

export const REPORTS_ENTITIES = [ReportRecord, ReportErratumRecord];
