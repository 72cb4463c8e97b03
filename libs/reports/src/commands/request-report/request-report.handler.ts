import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DateTime } from 'luxon';
import { v7 as uuidv7 } from 'uuid';
import { Aggregates } from '@rl/event-store';
import { CLOCK, Clock } from '@rl/kernel';
import { reportDecider } from '../../domain/report.decider';
import { reportStream } from '../../domain/report.events';
import { ReportWakeups } from '../../generation/report-wakeups';
import { RequestedReportView } from '../../report.view';
import { RequestReportCommand } from './request-report.command';

@CommandHandler(RequestReportCommand)
export class RequestReportHandler implements ICommandHandler<RequestReportCommand, RequestedReportView> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly wakeups: ReportWakeups,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ cityId, timezone, input, metadata }: RequestReportCommand): Promise<RequestedReportView> {
    const reportId = uuidv7();
    const result = await this.aggregates.handle(
      cityId,
      reportDecider,
      reportStream(reportId),
      {
        type: 'RequestReport',
        reportId,
        year: input.year,
        title: input.title,
        sections: input.sections,
        requestedBy: metadata.actorId,
        // "Not in the future" in the city's own calendar.
        currentYear: DateTime.fromJSDate(this.clock.now(), { zone: timezone }).year,
      },
      { expected: 0, metadata },
    );
    // A retry with the same Idempotency-Key gets the first result, whose stream names the first id.
    const id = result.streamId.replace(/^report-/, '');
    await this.wakeups.wake(cityId, id);
    return { id, version: result.version, position: result.position };
  }
}
