import { asCityId } from '@rl/kernel';
import { InMemoryAggregates } from '@rl/event-store/testing';
import { commandMetadata } from '@rl/web/testing';
import { InMemoryTaskReferences } from '../../testing/in-memory-task-references';
import { UpdateTaskCommand } from './update-task.command';
import { UpdateTaskDto } from './update-task.dto';
import { UpdateTaskHandler } from './update-task.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const taskId = '0192f0aa-0000-7000-8000-0000000000a1';
const organisationId = '0192f0aa-0000-7000-8000-0000000000b1';
const stream = `task-${taskId}`;

const setUp = () => {
  const aggregates = new InMemoryAggregates().given(ghent, stream, [
    {
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
    },
  ]);
  const references = new InMemoryTaskReferences().withStreams(`organisation-${organisationId}`);
  return { aggregates, handler: new UpdateTaskHandler(aggregates, references) };
};
const update = (version: number, changes: UpdateTaskDto, role = 'official', organisation?: string) =>
  new UpdateTaskCommand(
    ghent,
    'Europe/Brussels',
    taskId,
    version,
    changes,
    commandMetadata({ actorRole: role, organisationId: organisation ?? null }),
  );

describe('UpdateTaskHandler', () => {
  it("moves the due, read in the city's zone, at the version the client saw", async () => {
    const { aggregates, handler } = setUp();
    expect(await handler.execute(update(1, { due: '2027-04-15T17:00' }))).toEqual({
      version: 2,
      position: 2,
    });
    expect(aggregates.eventsOf(ghent, stream)[1]).toEqual({
      type: 'TaskDueMoved',
      data: { taskId, due: '2027-04-15T15:00:00.000Z', timezone: 'Europe/Brussels' },
    });
  });

  it("lets a collector of the assignee organisation set the status, with the caller's organisation", async () => {
    const { aggregates, handler } = setUp();
    await handler.execute(update(1, { status: 'done' }, 'collector', organisationId));
    expect(aggregates.eventsOf(ghent, stream)[1]).toMatchObject({ type: 'TaskStatusChanged' });
  });

  it('refuses a collector of another organisation, and a stale If-Match', async () => {
    const { handler } = setUp();
    await expect(handler.execute(update(1, { status: 'done' }, 'collector', taskId))).rejects.toMatchObject({
      code: 'TASK.NOT_ALLOWED',
    });
    await expect(handler.execute(update(3, { status: 'done' }))).rejects.toMatchObject({
      code: 'TASK.VERSION_CONFLICT',
      details: { currentVersion: 1 },
    });
  });
});
