import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AggregateRow, CityIndicatorRow } from '@rl/persistence';
import { Observation, SUBMISSION_STATUSES, SubmissionStatus } from '../domain/submission.events';

// Read model of the submissions projection; written only by it.
@Entity('submissions')
@Index('IDX_submissions_indicator_period', ['tenantId', 'indicatorId', 'periodId'])
export class SubmissionRecord extends AggregateRow {
  @Column({ name: 'indicator_id', type: 'uuid' })
  indicatorId!: string;

  @Column({ name: 'period_id', type: 'uuid' })
  periodId!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'enum', enum: SUBMISSION_STATUSES, enumName: 'submission_status' })
  status!: SubmissionStatus;

  @Column({ type: 'boolean' })
  late!: boolean;

  @Column({ type: 'jsonb' })
  observations!: Observation[];

  @Column({ name: 'definition_version', type: 'integer' })
  definitionVersion!: number;

  @Column({ type: 'integer' })
  series!: number;

  @Column({ type: 'text', nullable: true })
  source!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'return_reason', type: 'text', nullable: true })
  returnReason!: string | null;

  // Whose the note and the return reason are (personal data: an erasure blanks them).
  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy!: string | null;

  @Column({ name: 'returned_by', type: 'uuid', nullable: true })
  returnedBy!: string | null;
}

// Read model of the series projection: per indicator, period and disaggregation key, the latest
// submitted and the latest validated value.
@Entity('series')
export class SeriesRecord extends CityIndicatorRow {
  @PrimaryColumn({ name: 'period_id', type: 'uuid' })
  periodId!: string;

  @PrimaryColumn({ name: 'disaggregation_key', type: 'text' })
  disaggregationKey!: string;

  @Column({ type: 'jsonb' })
  disaggregation!: Record<string, string>;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'enum', enum: SUBMISSION_STATUSES, enumName: 'submission_status' })
  status!: SubmissionStatus;

  @Column({ name: 'submitted_value', type: 'double precision', nullable: true })
  submittedValue!: number | null;

  @Column({ name: 'submitted_observation_status', type: 'varchar', length: 16, nullable: true })
  submittedObservationStatus!: string | null;

  @Column({ name: 'validated_value', type: 'double precision', nullable: true })
  validatedValue!: number | null;

  @Column({ name: 'validated_observation_status', type: 'varchar', length: 16, nullable: true })
  validatedObservationStatus!: string | null;

  @Column({ type: 'boolean' })
  late!: boolean;

  @Column({ type: 'integer' })
  series!: number;

  @Column({ type: 'jsonb', nullable: true })
  outlier!: { reason: string } | null;

  @Column({ type: 'bigint' })
  position!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
