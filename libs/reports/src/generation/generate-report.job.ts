import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Aggregates } from '@rl/event-store';
import { asCityId, DomainError } from '@rl/kernel';
import { HandlesJob, JobHandlerOf, JobPayloads } from '@rl/queue';
import { reportDecider } from '../domain/report.decider';
import { reportStream } from '../domain/report.events';
import { ReportGenerator } from './report-generator';
import { ReportJobs } from './report-jobs';

// Longest failure reason kept in the log.
const REASON_MAX = 500;

// Generates a queued report at the city's head and records the outcome in its stream. A retried job
// (or a second wake-up) finds the report no longer queued and does nothing; the append checks the
// stream version, so two workers never record two generations.
@Injectable()
@HandlesJob('reports.generate')
export class GenerateReportJob implements JobHandlerOf<'reports.generate'> {
  private readonly logger = new Logger(GenerateReportJob.name);

  constructor(
    private readonly aggregates: Aggregates,
    private readonly generator: ReportGenerator,
    private readonly jobs: ReportJobs,
  ) {}

  async handle(payload: JobPayloads['reports.generate']): Promise<void> {
    const cityId = asCityId(payload.cityId);
    const stream = reportStream(payload.reportId);
    const { state, version } = await this.aggregates.load(cityId, reportDecider, stream);
    if (!state.exists || state.status !== 'queued') return;
    const metadata = { actorId: state.requestedBy, causationId: payload.reportId };
    await this.jobs.setProgress(payload.reportId, 0);
    try {
      const generated = await this.generator.generate(cityId, state.request, {
        progress: (percent) => this.jobs.setProgress(payload.reportId, percent),
      });
      await this.aggregates.handle(
        cityId,
        reportDecider,
        stream,
        { type: 'RecordGeneration', ...generated },
        { expected: version, metadata },
      );
    } catch (error) {
      // A report that cannot be built now would not be built by a retry either: say so, once. Members
      // see a domain error's message, never an internal one (SQL, paths): that goes to the log by id.
      const errorId = randomUUID();
      this.logger.error(
        { err: error, errorId, cityId, reportId: payload.reportId },
        'Report generation failed',
      );
      const reason =
        error instanceof DomainError
          ? error.message.slice(0, REASON_MAX)
          : `Internal error while generating the report (error id ${errorId})`;
      await this.aggregates.handle(
        cityId,
        reportDecider,
        stream,
        { type: 'RecordFailure', reason },
        { expected: version, metadata },
      );
    } finally {
      await this.jobs.clearProgress(payload.reportId);
    }
  }
}
