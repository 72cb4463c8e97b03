import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { submissionDecider } from '../../domain/submission.decider';
import { submissionStream } from '../../domain/submission.events';
import { SubmissionWriteView } from '../../reporting.view';
import { ReturnSubmissionCommand } from './return-submission.command';

@CommandHandler(ReturnSubmissionCommand)
export class ReturnSubmissionHandler implements ICommandHandler<
  ReturnSubmissionCommand,
  SubmissionWriteView
> {
  constructor(private readonly aggregates: Aggregates) {}

  // A returned submission stays open (the collector corrects it); a concurrent change fails on the version.
  async execute({
    cityId,
    submissionId,
    input,
    metadata,
  }: ReturnSubmissionCommand): Promise<SubmissionWriteView> {
    const { version, position } = await this.aggregates.handle(
      cityId,
      submissionDecider,
      submissionStream(submissionId),
      { type: 'ReturnSubmission', reason: input.reason.trim() },
      { metadata },
    );
    return { status: 'returned', version, position };
  }
}
