import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import { CityRow } from '@rl/persistence';

export const REMINDER_STATUSES = ['pending', 'sent', 'skipped', 'cancelled'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

// A reminder the deadline engine owes: one per (assignment or task, deadline, offset). PostgreSQL holds it
// so that a Redis data loss delays it by at most one sweep; its delayed BullMQ job is only a wake-up.
@Entity('reminders')
@Unique('UQ_reminders_key', ['tenantId', 'assignmentId', 'deadline', 'offsetKey'])
@Unique('UQ_reminders_task_key', ['tenantId', 'taskId', 'deadline', 'offsetKey'])
@Check('CHK_reminders_subject', `("assignment_id" IS NULL) <> ("task_id" IS NULL)`)
@Index('IDX_reminders_due', ['tenantId', 'status', 'dueAt'])
export class ReminderRecord extends CityRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'assignment_id', type: 'uuid', nullable: true })
  assignmentId!: string | null;

  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId!: string | null;

  @Column({ type: 'timestamptz' })
  deadline!: Date;

  @Column({ name: 'offset_key', type: 'varchar', length: 48 })
  offsetKey!: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'boolean' })
  escalate!: boolean;

  @Column({ type: 'enum', enum: REMINDER_STATUSES, enumName: 'reminder_status' })
  status!: ReminderStatus;

  // Why it was skipped or cancelled ("submitted", "superseded", "withdrawn", "deadline moved").
  @Column({ type: 'varchar', length: 64, nullable: true })
  outcome!: string | null;

  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true })
  settledAt!: Date | null;
}
