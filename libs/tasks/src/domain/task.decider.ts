import { Decider } from '@rl/kernel';
import { TaskErrors } from './task.errors';
import { TaskAssignee, TaskEvent, TaskLink, TaskStatus, TASK_EVENT_TYPES } from './task.events';
import { TASK_LIMITS } from './task-limits';

export type TaskState =
  | { exists: false }
  | ({
      exists: true;
      taskId: string;
      title: string;
      description: string | null;
      links: TaskLink[];
      due: string;
      timezone: string;
      status: TaskStatus;
    } & TaskAssignee);

// Who sends a change: coordinators and officials edit; the assignee (the assignee user, or a member of the
// assignee organisation) moves the status along.
export interface TaskActor {
  userId: string;
  role?: string;
  organisationId?: string | null;
}

export interface TaskContent {
  title?: string;
  description?: string | null;
  links?: readonly TaskLink[];
}

export type TaskCommand =
  | ({ type: 'CreateTask'; taskId: string; title: string; due: Date; timezone: string } & TaskContent &
      Partial<TaskAssignee>)
  | ({
      type: 'UpdateTask';
      actor: TaskActor;
      due?: Date;
      timezone: string;
      status?: TaskStatus;
    } & TaskContent &
      Partial<TaskAssignee>);

const EDITORS: readonly string[] = ['coordinator', 'official'];

const invalid = (field: string, message: string) =>
  TaskErrors.INVALID({ message: `Invalid task: ${field} ${message}`, errors: [{ field, message }] });

function title(raw: string): string {
  const folded = raw.trim().replace(/\s+/g, ' ');
  if (folded.length === 0) throw invalid('title', 'must not be blank');
  if (folded.length > TASK_LIMITS.title)
    throw invalid('title', `must be at most ${TASK_LIMITS.title} characters`);
  return folded;
}

function description(raw: string | null | undefined): string | null {
  const text = raw?.trim() ?? '';
  if (text.length > TASK_LIMITS.description)
    throw invalid('description', `must be at most ${TASK_LIMITS.description} characters`);
  return text.length === 0 ? null : text;
}

// The same link twice is one link.
function links(raw: readonly TaskLink[] | undefined): TaskLink[] {
  const list = raw ?? [];
  if (list.length > TASK_LIMITS.links) throw invalid('links', `must hold at most ${TASK_LIMITS.links} links`);
  const seen = new Set<string>();
  return list
    .map(({ kind, id }) => ({ kind, id: id.toLowerCase() }))
    .filter((link) => {
      const key = `${link.kind}/${link.id}`;
      return !seen.has(key) && Boolean(seen.add(key));
    });
}

const sameLinks = (a: readonly TaskLink[], b: readonly TaskLink[]) =>
  a.length === b.length && a.every((link, i) => link.kind === b[i].kind && link.id === b[i].id);

const isAssignee = (state: TaskAssignee, actor: TaskActor) =>
  state.assigneeUserId === actor.userId ||
  (state.assigneeOrganisationId !== null && state.assigneeOrganisationId === actor.organisationId);

type Existing = Extract<TaskState, { exists: true }>;
type Update = Extract<TaskCommand, { type: 'UpdateTask' }>;

function authorise(command: Update, state: Existing): void {
  if (EDITORS.includes(command.actor.role ?? '')) return;
  if (!isAssignee(state, command.actor)) throw TaskErrors.NOT_ALLOWED();
  const { status, actor: _, type: __, timezone: ___, ...others } = command;
  const editsMore = Object.values(others).some((value) => value !== undefined);
  const cancels = status === 'cancelled' || (status !== undefined && state.status === 'cancelled');
  if (editsMore || cancels) throw TaskErrors.STATUS_ONLY();
}

function update(command: Update, state: Existing): TaskEvent[] {
  const { taskId } = state;
  const events: TaskEvent[] = [];
  const edited: Extract<TaskEvent, { type: 'TaskEdited' }>['data'] = { taskId };
  if (command.title !== undefined && title(command.title) !== state.title)
    edited.title = title(command.title);
  if (command.description !== undefined && description(command.description) !== state.description)
    edited.description = description(command.description);
  if (command.links !== undefined && !sameLinks(links(command.links), state.links))
    edited.links = links(command.links);
  if (Object.keys(edited).length > 1) events.push({ type: 'TaskEdited', data: edited });
  const assignee = {
    assigneeOrganisationId:
      command.assigneeOrganisationId === undefined
        ? state.assigneeOrganisationId
        : command.assigneeOrganisationId,
    assigneeUserId: command.assigneeUserId === undefined ? state.assigneeUserId : command.assigneeUserId,
  };
  if (
    assignee.assigneeOrganisationId !== state.assigneeOrganisationId ||
    assignee.assigneeUserId !== state.assigneeUserId
  )
    events.push({ type: 'TaskReassigned', data: { taskId, ...assignee } });
  if (command.due !== undefined && command.due.toISOString() !== state.due)
    events.push({
      type: 'TaskDueMoved',
      data: { taskId, due: command.due.toISOString(), timezone: command.timezone },
    });
  if (command.status !== undefined && command.status !== state.status)
    events.push({ type: 'TaskStatusChanged', data: { taskId, from: state.status, to: command.status } });
  return events;
}

function decide(command: TaskCommand, state: TaskState): TaskEvent[] {
  switch (command.type) {
    case 'CreateTask': {
      if (state.exists) throw TaskErrors.ALREADY_EXISTS();
      const data = {
        taskId: command.taskId,
        title: title(command.title),
        description: description(command.description),
        links: links(command.links),
        assigneeOrganisationId: command.assigneeOrganisationId ?? null,
        assigneeUserId: command.assigneeUserId ?? null,
        due: command.due.toISOString(),
        timezone: command.timezone,
      };
      return [{ type: 'TaskCreated', data }];
    }
    case 'UpdateTask': {
      const { actor: _, type: __, timezone: ___, ...changes } = command;
      if (Object.values(changes).every((value) => value === undefined)) throw TaskErrors.NOTHING_TO_CHANGE();
      if (!state.exists) throw TaskErrors.NOT_FOUND();
      authorise(command, state);
      return update(command, state);
    }
  }
}

function evolve(state: TaskState, event: TaskEvent): TaskState {
  if (event.type === 'TaskCreated') {
    const { due, timezone, ...rest } = event.data;
    return { exists: true, ...rest, due, timezone, status: 'open' };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'TaskEdited': {
      const { taskId: _, ...edits } = event.data;
      return { ...state, ...edits };
    }
    case 'TaskReassigned':
    case 'TaskDueMoved': {
      const { taskId: _, ...changes } = event.data;
      return { ...state, ...changes };
    }
    case 'TaskStatusChanged':
      return { ...state, status: event.data.to };
  }
}

export const taskDecider: Decider<TaskState, TaskCommand, TaskEvent> = {
  initialState: () => ({ exists: false }),
  decide,
  evolve,
  eventTypes: TASK_EVENT_TYPES,
};
