import { asCityId } from '@rl/kernel';
import { InMemoryAggregates } from '@rl/event-store/testing';
import { commandMetadata } from '@rl/web/testing';
import { InMemoryTaskReferences } from '../../testing/in-memory-task-references';
import { CreateTaskCommand } from './create-task.command';
import { CreateTaskDto } from './create-task.dto';
import { CreateTaskHandler } from './create-task.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const organisationId = '0192f0aa-0000-7000-8000-0000000000b1';
const periodId = '0192f0aa-0000-7000-8000-0000000000d1';
const userId = '0192f0aa-0000-7000-8000-0000000000e1';

const setUp = () => {
  const aggregates = new InMemoryAggregates();
  const references = new InMemoryTaskReferences()
    .withStreams(`organisation-${organisationId}`, `period-${periodId}`)
    .withMembers(userId);
  return { aggregates, handler: new CreateTaskHandler(aggregates, references) };
};
const create = (input: Partial<CreateTaskDto>) =>
  new CreateTaskCommand(
    ghent,
    'Europe/Brussels',
    { title: 'Collect counts', due: '2027-03-31', ...input },
    commandMetadata(),
  );

describe('CreateTaskHandler', () => {
  it("records the task with a date-only due at the end of that day in the city's zone", async () => {
    const { aggregates, handler } = setUp();
    const input = {
      assigneeOrganisationId: organisationId,
      links: [{ kind: 'period' as const, id: periodId }],
    };
    const result = await handler.execute(create(input));
    expect(result).toEqual({ id: expect.any(String), version: 1, position: 1 });
    expect(aggregates.eventsOf(ghent, `task-${result.id}`)).toEqual([
      {
        type: 'TaskCreated',
        data: expect.objectContaining({
          taskId: result.id,
          due: '2027-03-31T21:59:59.000Z',
          timezone: 'Europe/Brussels',
          assigneeOrganisationId: organisationId,
          assigneeUserId: null,
          links: [{ kind: 'period', id: periodId }],
        }),
      },
    ]);
  });

  it('refuses a link to nothing of the city, naming links[i].id, and takes a meeting decision on trust', async () => {
    const { handler } = setUp();
    const links = [
      { kind: 'meeting-decision' as const, id: '0192f0aa-0000-7000-8000-0000000000f1' },
      { kind: 'indicator' as const, id: '0192f0aa-0000-7000-8000-0000000000f2' },
    ];
    await expect(handler.execute(create({ links }))).rejects.toMatchObject({
      code: 'TASK.UNKNOWN_LINK',
      errors: [{ field: 'links[1].id', message: expect.any(String) }],
    });
  });

  it('refuses an unknown organisation or a user who is no active member, naming the field', async () => {
    const { handler } = setUp();
    await expect(handler.execute(create({ assigneeOrganisationId: periodId }))).rejects.toMatchObject({
      code: 'TASK.UNKNOWN_ASSIGNEE',
      errors: [expect.objectContaining({ field: 'assigneeOrganisationId' })],
    });
    await expect(handler.execute(create({ assigneeUserId: organisationId }))).rejects.toMatchObject({
      code: 'TASK.UNKNOWN_ASSIGNEE',
      errors: [expect.objectContaining({ field: 'assigneeUserId' })],
    });
  });

  it('refuses a due that is no instant or date, naming due', async () => {
    const { handler } = setUp();
    await expect(handler.execute(create({ due: '2027-02-30' }))).rejects.toMatchObject({
      code: 'TASK.INVALID_DUE',
      errors: [expect.objectContaining({ field: 'due' })],
    });
  });
});
