import { Injectable } from '@nestjs/common';
import { RecordedEvent } from '@rl/event-store';
import { ProjectionDefinition, rowProjection } from '@rl/projections';
import { TASK_EVENT_TYPES, TaskEvent } from '../domain/task.events';
import { TaskRecord } from '../persistence/task.entity';

export type TaskRow = Omit<TaskRecord, 'tenantId'>;

export const TASKS_PROJECTION = 'tasks';

export function evolveTaskRow(
  row: TaskRow | undefined,
  event: RecordedEvent<TaskEvent>,
): TaskRow | undefined {
  const stamp = { version: event.version, updatedAt: event.recordedAt };
  if (event.type === 'TaskCreated') {
    const { taskId, due, ...rest } = event.data;
    return { id: taskId, ...rest, due: new Date(due), status: 'open', createdAt: event.recordedAt, ...stamp };
  }
  if (!row) return undefined;
  switch (event.type) {
    case 'TaskEdited':
    case 'TaskReassigned': {
      const { taskId: _, ...changes } = event.data;
      return { ...row, ...changes, ...stamp };
    }
    case 'TaskDueMoved':
      return { ...row, due: new Date(event.data.due), timezone: event.data.timezone, ...stamp };
    case 'TaskStatusChanged':
      return { ...row, status: event.data.to, ...stamp };
  }
}

@Injectable()
@ProjectionDefinition()
export class TasksProjection extends rowProjection<TaskRow, TaskEvent>({
  name: TASKS_PROJECTION,
  table: 'tasks',
  handles: TASK_EVENT_TYPES,
  columns: {
    id: 'uuid',
    title: 'text',
    description: 'text',
    status: 'text',
    assigneeOrganisationId: 'uuid',
    assigneeUserId: 'uuid',
    due: 'timestamptz',
    timezone: 'text',
    links: 'jsonb',
    version: 'int',
    createdAt: 'timestamptz',
    updatedAt: 'timestamptz',
  },
  key: ['id'],
  keyOf: (event) => [event.data.taskId],
  version: 'version',
  evolve: evolveTaskRow,
}) {}
