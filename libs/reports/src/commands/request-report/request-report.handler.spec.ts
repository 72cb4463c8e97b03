import { InMemoryAggregates } from '@rl/event-store/testing';
import { asCityId, fixedClock } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { InMemoryReportWakeups } from '../../testing/in-memory-report-wakeups';
import { RequestReportCommand } from './request-report.command';
import { RequestReportHandler } from './request-report.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
// 31 December 2025, 23:30 UTC: already 2026 in Brussels.
const clock = fixedClock('2025-12-31T23:30:00Z');

const setUp = () => {
  const aggregates = new InMemoryAggregates();
  const wakeups = new InMemoryReportWakeups();
  return { aggregates, wakeups, handler: new RequestReportHandler(aggregates, wakeups, clock) };
};
const command = (year: number, metadata = commandMetadata()) =>
  new RequestReportCommand(ghent, 'Europe/Brussels', { year, title: 'Annual report' }, metadata);

describe('RequestReportHandler', () => {
  it('records the request in a new report stream and wakes the worker for it', async () => {
    const { aggregates, wakeups, handler } = setUp();
    const view = await handler.execute(command(2025));
    expect(view).toEqual({ id: expect.any(String), version: 1, position: 1 });
    expect(aggregates.eventsOf(ghent, `report-${view.id}`)).toEqual([
      expect.objectContaining({ type: 'ReportRequested', data: expect.objectContaining({ year: 2025 }) }),
    ]);
    expect(wakeups.woken).toEqual([{ cityId: ghent, reportId: view.id }]);
  });

  it("takes the current year in the city's time zone", async () => {
    const { handler } = setUp();
    await expect(handler.execute(command(2026))).resolves.toEqual(expect.objectContaining({ version: 1 }));
    await expect(handler.execute(command(2027))).rejects.toMatchObject({ code: 'REPORT.INVALID' });
  });

  it('answers a retry under the same idempotency key with the first report, recording nothing', async () => {
    const { aggregates, handler } = setUp();
    const retried = command(2025, commandMetadata({ idempotencyKey: 'k1' }));
    const first = await handler.execute(retried);
    expect(await handler.execute(retried)).toEqual(first);
    expect(aggregates.eventsOf(ghent, `report-${first.id}`)).toHaveLength(1);
  });

  it('wakes no worker for a refused request', async () => {
    const { wakeups, handler } = setUp();
    await expect(handler.execute(command(1800))).rejects.toMatchObject({ code: 'REPORT.INVALID' });
    expect(wakeups.woken).toEqual([]);
  });
});
