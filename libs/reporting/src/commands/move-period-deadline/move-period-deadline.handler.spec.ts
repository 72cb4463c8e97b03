import { InMemoryAggregates } from '@rl/event-store/testing';
import { commandMetadata } from '@rl/web/testing';
import { ghent, periodDefined, periodId } from '../../testing/reporting-fixtures';
import { MovePeriodDeadlineCommand } from './move-period-deadline.command';
import { MovePeriodDeadlineHandler } from './move-period-deadline.handler';

const stream = `period-${periodId}`;
const move = (expectedVersion: number, deadline: string, id = periodId) =>
  new MovePeriodDeadlineCommand(
    ghent,
    'Europe/Brussels',
    id,
    expectedVersion,
    { deadline },
    commandMetadata(),
  );

const setUp = () => {
  const aggregates = new InMemoryAggregates().given(ghent, stream, [periodDefined]);
  return { aggregates, handler: new MovePeriodDeadlineHandler(aggregates) };
};

describe('MovePeriodDeadlineHandler', () => {
  it('moves the deadline at the version the client saw, read in the city', async () => {
    const { aggregates, handler } = setUp();
    expect(await handler.execute(move(1, '2024-05-15'))).toEqual({ version: 2, position: 2 });
    expect(aggregates.eventsOf(ghent, stream)[1]).toEqual({
      type: 'PeriodDeadlineMoved',
      data: {
        periodId,
        from: '2024-04-30T21:59:59.000Z',
        to: '2024-05-15T21:59:59.000Z',
        timezone: 'Europe/Brussels',
      },
    });
  });

  it('refuses a stale If-Match, an unknown period and a deadline it cannot read', async () => {
    const { handler } = setUp();
    await expect(handler.execute(move(2, '2024-05-15'))).rejects.toMatchObject({
      code: 'PERIOD.VERSION_CONFLICT',
      details: { currentVersion: 1 },
    });
    const unknown = move(0, '2024-05-15', '0192f0aa-0000-7000-8000-0000000000ff');
    await expect(handler.execute(unknown)).rejects.toMatchObject({ code: 'PERIOD.NOT_FOUND' });
    await expect(handler.execute(move(1, 'tomorrow'))).rejects.toMatchObject({
      code: 'PERIOD.INVALID_DEADLINE',
    });
  });
});
