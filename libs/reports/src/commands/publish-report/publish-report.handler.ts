import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { WriteResultView } from '@rl/web';
import { reportDecider } from '../../domain/report.decider';
import { reportStream } from '../../domain/report.events';
import { PublishReportCommand } from './publish-report.command';

@CommandHandler(PublishReportCommand)
export class PublishReportHandler implements ICommandHandler<PublishReportCommand, WriteResultView> {
  constructor(private readonly aggregates: Aggregates) {}

  async execute({ cityId, reportId, metadata }: PublishReportCommand): Promise<WriteResultView> {
    const { version, position } = await this.aggregates.handle(
      cityId,
      reportDecider,
      reportStream(reportId),
      { type: 'PublishReport' },
      { metadata },
    );
    return { version, position };
  }
}
