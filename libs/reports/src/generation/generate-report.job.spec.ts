import { InMemoryAggregates } from '@rl/event-store/testing';
import { asCityId } from '@rl/kernel';
import { content, generated, pin, REPORT_ID, requested } from '../domain/testing/report-fixtures';
import { GenerateReportJob } from './generate-report.job';
import { ReportGenerator } from './report-generator';
import { ReportJobs } from './report-jobs';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const stream = `report-${REPORT_ID}`;
const payload = { cityId: ghent, reportId: REPORT_ID };

const setUp = (generate: ReportGenerator['generate']) => {
  const progress: (number | 'cleared')[] = [];
  const jobs = {
    setProgress: (_: string, percent: number) => Promise.resolve(void progress.push(percent)),
    clearProgress: () => Promise.resolve(void progress.push('cleared')),
  } as unknown as ReportJobs;
  const aggregates = new InMemoryAggregates().given(ghent, stream, [requested()]);
  const job = new GenerateReportJob(aggregates, { generate } as ReportGenerator, jobs);
  return { aggregates, job, progress };
};

describe('GenerateReportJob', () => {
  it('generates a queued report from its request and records the pin, content and hash', async () => {
    const { aggregates, job, progress } = setUp((_, request, options) => {
      expect(request).toEqual({
        year: 2024,
        title: 'Human rights in Ghent, 2024',
        sections: ['summary', 'indicators'],
      });
      return options
        ?.progress?.(45)
        .then(() => ({ pin: pin(), content: content(), contentHash: 'b'.repeat(64) })) as never;
    });
    await job.handle(payload);
    expect(aggregates.eventsOf(ghent, stream)).toEqual([requested(), generated()]);
    expect(progress).toEqual([0, 45, 'cleared']);
  });

  it('does nothing for a report that is no longer queued (a retried or second wake-up)', async () => {
    const { aggregates, job } = setUp(() => Promise.reject(new Error('must not run')));
    aggregates.given(ghent, stream, [generated()]);
    await job.handle(payload);
    expect(aggregates.eventsOf(ghent, stream)).toHaveLength(2);
  });

  it('records a failure without internal details, which stay in the log', async () => {
    const { aggregates, job, progress } = setUp(() =>
      Promise.reject(new Error('relation "x" does not exist')),
    );
    await job.handle(payload);
    const [, failed] = aggregates.eventsOf(ghent, stream);
    expect(failed).toEqual({
      type: 'ReportFailed',
      data: {
        reportId: REPORT_ID,
        reason: expect.stringMatching(/^Internal error .*error id [0-9a-f-]{36}\)$/),
      },
    });
    expect(progress).toEqual([0, 'cleared']);
  });
});
