import { InMemoryAggregates } from '@rl/event-store/testing';
import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { generated, REPORT_ID, requested } from '../../domain/testing/report-fixtures';
import { PublishReportCommand } from './publish-report.command';
import { PublishReportHandler } from './publish-report.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const stream = `report-${REPORT_ID}`;
const publish = () => new PublishReportCommand(ghent, REPORT_ID, commandMetadata());

describe('PublishReportHandler', () => {
  it('publishes a generated report, and publishing again records nothing', async () => {
    const aggregates = new InMemoryAggregates().given(ghent, stream, [requested(), generated()]);
    const handler = new PublishReportHandler(aggregates);
    expect(await handler.execute(publish())).toEqual({ version: 3, position: 3 });
    expect(await handler.execute(publish())).toEqual({ version: 3, position: 3 });
    expect(aggregates.eventsOf(ghent, stream).map((e) => e.type)).toEqual([
      'ReportRequested',
      'ReportGenerated',
      'ReportPublished',
    ]);
  });

  it('refuses a report still being generated, and one of no such id', async () => {
    const queued = new InMemoryAggregates().given(ghent, stream, [requested()]);
    await expect(new PublishReportHandler(queued).execute(publish())).rejects.toMatchObject({
      code: 'REPORT.NOT_GENERATED',
    });
    await expect(new PublishReportHandler(new InMemoryAggregates()).execute(publish())).rejects.toMatchObject(
      {
        code: 'REPORT.NOT_FOUND',
      },
    );
  });
});
