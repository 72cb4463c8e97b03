import { Column, Entity, Index } from 'typeorm';
import { AggregateRow } from '@rl/persistence';
import type { TaskLink, TaskStatus } from '../domain/task.events';
import { TASK_LIMITS } from '../domain/task-limits';

// Read model of the tasks projection; written only by it. Lists and the timeline read it by due instant.
@Entity('tasks')
@Index('IDX_tasks_due', ['tenantId', 'due', 'id'])
@Index('IDX_tasks_organisation_due', ['tenantId', 'assigneeOrganisationId', 'due', 'id'])
export class TaskRecord extends AggregateRow {
  @Column({ type: 'varchar', length: TASK_LIMITS.title })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: TaskStatus;

  @Column({ name: 'assignee_organisation_id', type: 'uuid', nullable: true })
  assigneeOrganisationId!: string | null;

  @Column({ name: 'assignee_user_id', type: 'uuid', nullable: true })
  assigneeUserId!: string | null;

  @Column({ type: 'timestamptz' })
  due!: Date;

  @Column({ type: 'varchar', length: 64 })
  timezone!: string;

  @Column({ type: 'jsonb' })
  links!: TaskLink[];
}
