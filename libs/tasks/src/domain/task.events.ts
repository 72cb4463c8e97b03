export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

// What a task may point at. Meeting decisions are not yet a context of their own: their ids are taken
// on trust (a uuid), the others must exist in the city.
export const TASK_LINK_KINDS = ['indicator', 'period', 'submission', 'term', 'meeting-decision'] as const;
export type TaskLinkKind = (typeof TASK_LINK_KINDS)[number];

export interface TaskLink {
  kind: TaskLinkKind;
  id: string;
}

export interface TaskAssignee {
  assigneeOrganisationId: string | null;
  assigneeUserId: string | null;
}

// `due` is an ISO instant; `timezone` the city's zone it was given in (reminders count in it).
export interface TaskDue {
  due: string;
  timezone: string;
}

export type TaskEvent =
  | {
      type: 'TaskCreated';
      data: { taskId: string; title: string; description: string | null; links: TaskLink[] } & TaskAssignee &
        TaskDue;
    }
  | {
      type: 'TaskEdited';
      data: { taskId: string; title?: string; description?: string | null; links?: TaskLink[] };
    }
  | { type: 'TaskReassigned'; data: { taskId: string } & TaskAssignee }
  | { type: 'TaskDueMoved'; data: { taskId: string } & TaskDue }
  | { type: 'TaskStatusChanged'; data: { taskId: string; from: TaskStatus; to: TaskStatus } };

export type TaskEventType = TaskEvent['type'];

export const TASK_EVENT_TYPES: readonly TaskEventType[] = [
  'TaskCreated',
  'TaskEdited',
  'TaskReassigned',
  'TaskDueMoved',
  'TaskStatusChanged',
];

export const taskStream = (taskId: string) => `task-${taskId}`;
