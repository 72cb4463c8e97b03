import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CityIndicatorRow, CityRow } from '@rl/persistence';

// Write-side reservations, not read models: written in the transaction that appends, so that two
// concurrent commands cannot both take a period code or an assignment triple.
@Entity('period_codes')
export class PeriodCodeReservation extends CityRow {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  code!: string;

  @Column({ name: 'period_id', type: 'uuid' })
  periodId!: string;
}

@Entity('assignment_keys')
export class AssignmentKeyReservation extends CityIndicatorRow {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @PrimaryColumn({ name: 'period_id', type: 'uuid' })
  periodId!: string;

  @Column({ name: 'assignment_id', type: 'uuid' })
  assignmentId!: string;
}

// One open (submitted or returned) submission per indicator, period and organisation; freed on validation.
@Entity('open_submissions')
export class OpenSubmissionReservation extends CityIndicatorRow {
  @PrimaryColumn({ name: 'period_id', type: 'uuid' })
  periodId!: string;

  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId!: string;
}
