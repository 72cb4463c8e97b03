import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ASSIGNMENT_STATUSES, AssignmentStatus } from '../domain/assignment.events';

// Read model of the assignments projection; written only by it.
@Entity('assignments')
@Index('IDX_assignments_period', ['tenantId', 'periodId'])
export class AssignmentRecord {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'indicator_id', type: 'uuid' })
  indicatorId!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'period_id', type: 'uuid' })
  periodId!: string;

  @Column({ type: 'enum', enum: ASSIGNMENT_STATUSES, enumName: 'assignment_status' })
  status!: AssignmentStatus;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
