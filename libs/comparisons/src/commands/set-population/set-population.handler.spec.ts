import { InMemoryAggregates } from '@rl/event-store/testing';
import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { SetPopulationCommand } from './set-population.command';
import { SetPopulationHandler } from './set-population.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const stream = `population-${ghent}`;

describe('SetPopulationHandler', () => {
  it('records each year on the city population stream', async () => {
    const aggregates = new InMemoryAggregates();
    const handler = new SetPopulationHandler(aggregates);
    await handler.execute(new SetPopulationCommand(ghent, 2023, { total: 262_000 }, commandMetadata()));
    const result = await handler.execute(
      new SetPopulationCommand(ghent, 2024, { total: 263_000, source: 'Statbel' }, commandMetadata()),
    );
    expect(result).toEqual({ version: 2, position: 2 });
    expect(aggregates.eventsOf(ghent, stream)[1]).toEqual({
      type: 'ReferencePopulationSet',
      data: { year: 2024, total: 263_000, districts: null, source: 'Statbel' },
    });
  });

  it('refuses a district figure that is not a whole number', async () => {
    const handler = new SetPopulationHandler(new InMemoryAggregates());
    const command = new SetPopulationCommand(
      ghent,
      2024,
      { total: 1, districts: { A: 0.5 } },
      commandMetadata(),
    );
    await expect(handler.execute(command)).rejects.toMatchObject({ code: 'POPULATION.INVALID' });
  });
});
