import { DeciderSpecification } from '@rl/kernel/testing';
import { taskDecider, TaskActor } from './task.decider';
import { TaskEvent } from './task.events';

const taskId = '0192f0aa-0000-7000-8000-0000000000a1';
const organisationId = '0192f0aa-0000-7000-8000-0000000000o1';
const indicatorId = '0192f0aa-0000-7000-8000-0000000000i1';
const due = new Date('2027-03-31T21:59:59Z');
const created: TaskEvent = {
  type: 'TaskCreated',
  data: {
    taskId,
    title: 'Collect shelter counts',
    description: null,
    links: [{ kind: 'indicator', id: indicatorId }],
    assigneeOrganisationId: organisationId,
    assigneeUserId: null,
    due: due.toISOString(),
    timezone: 'Europe/Brussels',
  },
};
const official: TaskActor = { userId: 'u-official', role: 'official' };
const collector: TaskActor = { userId: 'u-collector', role: 'collector', organisationId };
const stranger: TaskActor = { userId: 'u-other', role: 'collector', organisationId: 'another-org' };
const update = (actor: TaskActor, changes: object) => ({
  type: 'UpdateTask' as const,
  actor,
  timezone: 'Europe/Brussels',
  ...changes,
});
const spec = DeciderSpecification.for(taskDecider);

describe('task decider', () => {
  it('creates a task with its title folded, duplicate links once and no assignee user', () => {
    spec
      .given([])
      .when({
        type: 'CreateTask',
        taskId,
        title: '  Collect   shelter counts ',
        description: '   ',
        links: [
          { kind: 'indicator', id: indicatorId.toUpperCase() },
          { kind: 'indicator', id: indicatorId },
        ],
        assigneeOrganisationId: organisationId,
        due,
        timezone: 'Europe/Brussels',
      })
      .then([created]);
  });

  it('refuses a blank title, a too long description and too many links, naming the field', () => {
    const create = (overrides: object) => ({
      type: 'CreateTask' as const,
      taskId,
      title: 'T',
      due,
      timezone: 'UTC',
      ...overrides,
    });
    for (const [overrides, field] of [
      [{ title: ' ' }, 'title'],
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ description: 'x'.repeat(4001) }, 'description'],
      [{ links: Array.from({ length: 51 }, () => ({ kind: 'term', id: indicatorId })) }, 'links'],
    ] as const) {
      expect(() => taskDecider.decide(create(overrides), { exists: false })).toThrow(
        expect.objectContaining({ code: 'TASK.INVALID', errors: [expect.objectContaining({ field })] }),
      );
    }
  });

  it('refuses to create the same task twice', () => {
    spec
      .given([created])
      .when({ type: 'CreateTask', taskId, title: 'X', due, timezone: 'UTC' })
      .thenThrows('TASK.ALREADY_EXISTS');
  });

  it('lets an official edit, reassign, move the due and change the status, one event each', () => {
    const moved = new Date('2027-04-30T21:59:59Z');
    spec
      .given([created])
      .when(
        update(official, {
          title: 'Count shelters',
          description: 'All of them',
          assigneeOrganisationId: null,
          assigneeUserId: 'u-collector',
          due: moved,
          status: 'in_progress',
        }),
      )
      .then([
        { type: 'TaskEdited', data: { taskId, title: 'Count shelters', description: 'All of them' } },
        {
          type: 'TaskReassigned',
          data: { taskId, assigneeOrganisationId: null, assigneeUserId: 'u-collector' },
        },
        { type: 'TaskDueMoved', data: { taskId, due: moved.toISOString(), timezone: 'Europe/Brussels' } },
        { type: 'TaskStatusChanged', data: { taskId, from: 'open', to: 'in_progress' } },
      ]);
  });

  it('records nothing when nothing changes', () => {
    spec
      .given([created])
      .when(update(official, { title: 'Collect shelter counts', due, links: created.data.links }))
      .thenNothingHappens();
  });

  it('lets a member of the assignee organisation change the status', () => {
    spec
      .given([created])
      .when(update(collector, { status: 'done' }))
      .then([{ type: 'TaskStatusChanged', data: { taskId, from: 'open', to: 'done' } }]);
  });

  it('lets the assignee user change the status', () => {
    const toUser: TaskEvent = {
      type: 'TaskReassigned',
      data: { taskId, assigneeOrganisationId: null, assigneeUserId: 'u-researcher' },
    };
    spec
      .given([created, toUser])
      .when(update({ userId: 'u-researcher', role: 'researcher' }, { status: 'in_progress' }))
      .then([{ type: 'TaskStatusChanged', data: { taskId, from: 'open', to: 'in_progress' } }]);
  });

  it('refuses the assignee anything but the status, and cancelling', () => {
    spec
      .given([created])
      .when(update(collector, { title: 'Mine now' }))
      .thenThrows('TASK.STATUS_ONLY');
    spec
      .given([created])
      .when(update(collector, { status: 'cancelled' }))
      .thenThrows('TASK.STATUS_ONLY');
  });

  it('refuses anyone else, before looking at the version', () => {
    spec
      .given([created])
      .when(update(stranger, { status: 'done' }))
      .thenThrows('TASK.NOT_ALLOWED');
  });

  it('says not found for a task that was never created, and refuses an empty change first', () => {
    spec
      .given([])
      .when(update(official, { status: 'done' }))
      .thenThrows('TASK.NOT_FOUND');
    spec.given([]).when(update(official, {})).thenThrows('TASK.NOTHING_TO_CHANGE');
  });

  it('evolves to the latest state', () => {
    const state = spec
      .given([
        created,
        { type: 'TaskEdited', data: { taskId, links: [] } },
        { type: 'TaskStatusChanged', data: { taskId, from: 'open', to: 'done' } },
      ])
      .state();
    expect(state).toMatchObject({ exists: true, links: [], status: 'done', title: 'Collect shelter counts' });
  });
});
