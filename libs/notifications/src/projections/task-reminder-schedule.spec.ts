import { recorded } from '@rl/projections/testing';
import { TaskEvent } from '@rl/tasks';
import { evolveReminderTasks, ReminderTask, taskIdsOf } from './task-reminder-schedule';

const taskId = '00000000-0000-7000-8000-0000000000a1';
const organisationId = '00000000-0000-7000-8000-0000000000b1';
const created = recorded<TaskEvent>({
  type: 'TaskCreated',
  data: {
    taskId,
    title: 'Collect counts',
    description: null,
    links: [],
    assigneeOrganisationId: organisationId,
    assigneeUserId: null,
    due: '2027-03-31T21:59:59.000Z',
    timezone: 'Europe/Brussels',
  },
});
const later = (event: TaskEvent, version: number) => recorded<TaskEvent>(event, { version });

describe('the task half of the reminder schedule', () => {
  it('keeps each task with its assignee, status, due and when the due was last set', () => {
    const rows = new Map<string, ReminderTask>();
    const moved = later(
      { type: 'TaskDueMoved', data: { taskId, due: '2027-04-30T21:59:59.000Z', timezone: 'Europe/Rome' } },
      2,
    );
    const touched = evolveReminderTasks(rows, [
      created,
      later(
        { type: 'TaskReassigned', data: { taskId, assigneeOrganisationId: null, assigneeUserId: 'u1' } },
        2,
      ),
      moved,
      later({ type: 'TaskStatusChanged', data: { taskId, from: 'open', to: 'in_progress' } }, 3),
      later({ type: 'TaskEdited', data: { taskId, title: 'Renamed' } }, 4),
    ]);
    expect([...touched]).toEqual([taskId]);
    expect(rows.get(taskId)).toEqual({
      taskId,
      organisationId: null,
      userId: 'u1',
      status: 'in_progress',
      due: new Date('2027-04-30T21:59:59.000Z'),
      timezone: 'Europe/Rome',
      setAt: moved.recordedAt,
    });
  });

  it('ignores changes to a task it never saw created, and events of other contexts', () => {
    const rows = new Map<string, ReminderTask>();
    const done = later({ type: 'TaskStatusChanged', data: { taskId, from: 'open', to: 'done' } }, 2);
    expect(evolveReminderTasks(rows, [done])).toEqual(new Set());
    const other = recorded({ type: 'OrganisationRenamed', data: { organisationId, name: 'X' } });
    expect(taskIdsOf([other, done])).toEqual([taskId]);
  });
});
