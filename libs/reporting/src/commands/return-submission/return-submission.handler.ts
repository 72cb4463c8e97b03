import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@rl/event-store';
import { decideSubmission } from '../../domain/submission.decider';
import { submissionStream } from '../../domain/submission.events';
import { SubmissionWriteView } from '../../reporting.view';
import { SubmissionSupport } from '../../submission-support';
import { ReturnSubmissionCommand } from './return-submission.command';

@CommandHandler(ReturnSubmissionCommand)
export class ReturnSubmissionHandler implements ICommandHandler<
  ReturnSubmissionCommand,
  SubmissionWriteView
> {
  constructor(
    private readonly events: EventStore,
    private readonly support: SubmissionSupport,
  ) {}

  async execute({
    cityId,
    submissionId,
    input,
    metadata,
  }: ReturnSubmissionCommand): Promise<SubmissionWriteView> {
    const { version, position } = await this.events.idempotent(cityId, metadata, async () => {
      const current = await this.support.load(cityId, submissionId);
      const events = decideSubmission(
        { type: 'ReturnSubmission', reason: input.reason.trim() },
        current.state,
      );
      // A returned submission stays open (the collector corrects it); a concurrent change fails on the version.
      return this.events.appendAlone(
        cityId,
        submissionStream(submissionId),
        current.version,
        events,
        metadata,
      );
    });
    return { status: 'returned', version, position };
  }
}
