import { Column, Entity, Index } from 'typeorm';
import { AggregateRow } from '@rl/persistence';
import { ASSIGNMENT_STATUSES, AssignmentStatus } from '../domain/assignment.events';

// Read model of the assignments projection; written only by it.
@Entity('assignments')
@Index('IDX_assignments_period', ['tenantId', 'periodId'])
export class AssignmentRecord extends AggregateRow {
  @Column({ name: 'indicator_id', type: 'uuid' })
  indicatorId!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'period_id', type: 'uuid' })
  periodId!: string;

  @Column({ type: 'enum', enum: ASSIGNMENT_STATUSES, enumName: 'assignment_status' })
  status!: AssignmentStatus;
}
