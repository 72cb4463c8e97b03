import { commandMetadata } from '@rl/web/testing';
import { InMemoryReportingLedger } from '../../testing';
import { ghent } from '../../testing/reporting-fixtures';
import { DefinePeriodCommand } from './define-period.command';
import { DefinePeriodHandler } from './define-period.handler';

const define = (code: string, idempotencyKey?: string) =>
  new DefinePeriodCommand(
    ghent,
    'Europe/Brussels',
    { code, deadline: '2024-04-30' },
    commandMetadata({ idempotencyKey }),
  );

const setUp = () => {
  const ledger = new InMemoryReportingLedger();
  return { ledger, handler: new DefinePeriodHandler(ledger, ledger.aggregates) };
};

describe('DefinePeriodHandler', () => {
  it('defines the period with its code reserved, the deadline read in the city', async () => {
    const { ledger, handler } = setUp();
    const view = await handler.execute(define('2024-q1'));
    expect(view).toEqual({
      id: view.id,
      code: '2024-Q1',
      granularity: 'quarter',
      start: '2024-01-01',
      end: '2024-04-01',
      deadline: '2024-04-30T21:59:59.000Z',
      version: 1,
      position: 1,
    });
    expect(ledger.periodCodes.get(`${ghent}:2024-Q1`)).toBe(view.id);
    expect(ledger.aggregates.eventsOf(ghent, `period-${view.id}`)).toEqual([
      {
        type: 'PeriodDefined',
        data: expect.objectContaining({ code: '2024-Q1', timezone: 'Europe/Brussels' }),
      },
    ]);
  });

  it('refuses a code the city already has, and a code that is no period', async () => {
    const { handler } = setUp();
    await handler.execute(define('2024'));
    await expect(handler.execute(define('2024'))).rejects.toMatchObject({ code: 'PERIOD.CODE_TAKEN' });
    await expect(handler.execute(define('2024-Q5'))).rejects.toMatchObject({ code: 'PERIOD.INVALID_CODE' });
  });

  it('answers a retry under the same idempotency key with the first period, read from its stream', async () => {
    const { handler } = setUp();
    const first = await handler.execute(define('2024-03', 'k1'));
    expect(await handler.execute(define('2024-03', 'k1'))).toEqual(first);
  });
});
