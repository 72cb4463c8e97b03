import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CityRow } from '@rl/persistence';
import type { TaskStatus } from '@rl/tasks';
import { REMINDER_TARGET_STATES, ReminderTargetState } from '../domain/reminder-firing';

export { ReminderTargetState };

// The deadline engine's own view of each assignment and its period's deadline, kept by its projection
// so that scheduling never waits for another projection to catch up.
@Entity('reminder_targets')
@Index('IDX_reminder_targets_period', ['tenantId', 'periodId'])
@Index('IDX_reminder_targets_work', ['tenantId', 'indicatorId', 'periodId', 'organisationId'])
export class ReminderTargetRecord extends CityRow {
  @PrimaryColumn({ name: 'assignment_id', type: 'uuid' })
  assignmentId!: string;

  @Column({ name: 'indicator_id', type: 'uuid' })
  indicatorId!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'period_id', type: 'uuid' })
  periodId!: string;

  @Column({ type: 'enum', enum: REMINDER_TARGET_STATES, enumName: 'reminder_target_state' })
  state!: ReminderTargetState;

  @Column({ name: 'submission_id', type: 'uuid', nullable: true })
  submissionId!: string | null;

  // Recorded time of the assignment's AssignmentCreated.
  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt!: Date | null;
}

@Entity('reminder_deadlines')
export class ReminderDeadlineRecord extends CityRow {
  @PrimaryColumn({ name: 'period_id', type: 'uuid' })
  periodId!: string;

  @Column({ type: 'varchar', length: 16 })
  code!: string;

  @Column({ type: 'timestamptz' })
  deadline!: Date;

  @Column({ type: 'varchar', length: 64 })
  timezone!: string;

  // Recorded time of the event that last set the deadline (defined or moved).
  @Column({ name: 'set_at', type: 'timestamptz', nullable: true })
  setAt!: Date | null;
}

// The deadline engine's own view of each task: its assignee, status and due instant.
@Entity('reminder_tasks')
export class ReminderTaskRecord extends CityRow {
  @PrimaryColumn({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId!: string | null;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: TaskStatus;

  @Column({ type: 'timestamptz' })
  due!: Date;

  @Column({ type: 'varchar', length: 64 })
  timezone!: string;

  // Recorded time of the event that last set the due instant (created or moved).
  @Column({ name: 'set_at', type: 'timestamptz', nullable: true })
  setAt!: Date | null;
}
