import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CityRow } from '@rl/persistence';

// Read model of the completeness projection: one row per period × organisation × indicator that has ever
// been assigned or submitted; written only by it. Overdue is derived at read time from the period deadline.
@Entity('completeness')
export class CompletenessRecord extends CityRow {
  @PrimaryColumn({ name: 'period_id', type: 'uuid' })
  periodId!: string;

  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @PrimaryColumn({ name: 'indicator_id', type: 'uuid' })
  indicatorId!: string;

  @Column({ type: 'boolean' })
  assigned!: boolean;

  // The assignment and submission streams this row follows, with the version of each it reflects.
  @Column({ name: 'assignment_id', type: 'uuid', nullable: true })
  assignmentId!: string | null;

  @Column({ name: 'assignment_version', type: 'integer' })
  assignmentVersion!: number;

  @Column({ name: 'submission_id', type: 'uuid', nullable: true })
  submissionId!: string | null;

  @Column({ name: 'submission_version', type: 'integer' })
  submissionVersion!: number;

  @Column({ type: 'boolean' })
  submitted!: boolean;

  @Column({ type: 'boolean' })
  validated!: boolean;

  @Column({ type: 'boolean' })
  returned!: boolean;

  @Column({ name: 'submitted_late', type: 'boolean' })
  submittedLate!: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
