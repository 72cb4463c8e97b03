import { CommandBus } from '@nestjs/cqrs';
import { DateTime } from 'luxon';
import { CityId } from '@rl/kernel';
import { CreateTaskCommand, UpdateTaskCommand } from '@rl/tasks';

export interface DemoTasksCity {
  id: CityId;
  timezone: string;
  coordinatorId: string;
  officialId: string;
  collectorId: string;
  csoId: string;
  indicatorId: string;
}

// A few tasks on the city's timeline: one due within days for the CSO (its collector gets the reminders),
// one the CSO has done, one for the city's own staff. Illustrative, and labelled so. Every command
// carries an idempotency key: a second start records nothing new (the first start's dates stay).
export async function seedDemoTasks(commands: CommandBus, city: DemoTasksCity): Promise<void> {
  const as = (actorId: string, actorRole: string, key: string, organisationId?: string) => ({
    actorId,
    actorRole,
    idempotencyKey: `demo:tasks:${key}`,
    ...(organisationId !== undefined && { organisationId }),
  });
  const day = (days: number) => DateTime.now().setZone(city.timezone).plus({ days }).toISODate() as string;
  const create = (
    key: string,
    input: CreateTaskCommand['input'],
    by = as(city.coordinatorId, 'coordinator', key),
  ) => commands.execute(new CreateTaskCommand(city.id, city.timezone, input, by));

  await create('counts', {
    title: 'Collect this year’s shelter counts (illustrative)',
    description:
      'Illustrative demo task: gather the counts the indicator needs before the reporting deadline.',
    assigneeOrganisationId: city.csoId,
    due: day(5),
    links: [{ kind: 'indicator', id: city.indicatorId }],
  });
  const licence = await create('licence', {
    title: 'Check the licence of the CSO’s dataset (illustrative)',
    assigneeOrganisationId: city.csoId,
    due: day(-7),
  });
  // Done by the CSO's collector.
  await commands.execute(
    new UpdateTaskCommand(
      city.id,
      city.timezone,
      licence.id,
      1,
      { status: 'done' },
      as(city.collectorId, 'collector', 'licence:done', city.csoId),
    ),
  );
  await create(
    'session',
    {
      title: 'Prepare the results session on the preliminary values (illustrative)',
      assigneeUserId: city.officialId,
      due: day(21),
    },
    as(city.officialId, 'official', 'session'),
  );
}
