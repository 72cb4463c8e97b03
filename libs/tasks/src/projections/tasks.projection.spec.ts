import { recorded, rowAfter } from '@rl/projections/testing';
import { TaskEvent } from '../domain/task.events';
import { evolveTaskRow, TasksProjection } from './tasks.projection';

const taskId = '00000000-0000-7000-8000-0000000000a1';
const organisationId = '00000000-0000-7000-8000-0000000000b1';
const created = recorded<TaskEvent>({
  type: 'TaskCreated',
  data: {
    taskId,
    title: 'Collect counts',
    description: 'Every shelter',
    links: [{ kind: 'term', id: taskId }],
    assigneeOrganisationId: organisationId,
    assigneeUserId: null,
    due: '2027-03-31T21:59:59.000Z',
    timezone: 'Europe/Brussels',
  },
});
const moved = recorded<TaskEvent>(
  { type: 'TaskDueMoved', data: { taskId, due: '2027-04-30T21:59:59.000Z', timezone: 'Europe/Rome' } },
  { version: 2 },
);
const edited = recorded<TaskEvent>(
  { type: 'TaskEdited', data: { taskId, description: null, links: [] } },
  { version: 3 },
);
const done = recorded<TaskEvent>(
  { type: 'TaskStatusChanged', data: { taskId, from: 'open', to: 'done' } },
  { version: 4 },
);

describe('tasks projection', () => {
  it('creates the row open on creation', () => {
    expect(evolveTaskRow(undefined, created)).toEqual({
      id: taskId,
      title: 'Collect counts',
      description: 'Every shelter',
      links: [{ kind: 'term', id: taskId }],
      assigneeOrganisationId: organisationId,
      assigneeUserId: null,
      status: 'open',
      due: new Date('2027-03-31T21:59:59.000Z'),
      timezone: 'Europe/Brussels',
      version: 1,
      createdAt: created.recordedAt,
      updatedAt: created.recordedAt,
    });
  });

  it('follows the due, edits and status, keeping when it was created', () => {
    expect(rowAfter(new TasksProjection(), [created, moved, edited, done])).toMatchObject({
      due: new Date('2027-04-30T21:59:59.000Z'),
      timezone: 'Europe/Rome',
      description: null,
      links: [],
      title: 'Collect counts',
      status: 'done',
      version: 4,
      createdAt: created.recordedAt,
      updatedAt: done.recordedAt,
    });
  });

  it('ignores a change to a task it never saw created', () => {
    expect(evolveTaskRow(undefined, done)).toBeUndefined();
  });
});
