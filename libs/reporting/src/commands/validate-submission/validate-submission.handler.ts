import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { citySettingsDecider, citySettingsStream } from '../../domain/city-settings.decider';
import { submissionDecider } from '../../domain/submission.decider';
import { submissionStream } from '../../domain/submission.events';
import { ReportingLedger } from '../../persistence/reporting-ledger';
import { SubmissionWriteView } from '../../reporting.view';
import { ValidateSubmissionCommand } from './validate-submission.command';

@CommandHandler(ValidateSubmissionCommand)
export class ValidateSubmissionHandler implements ICommandHandler<
  ValidateSubmissionCommand,
  SubmissionWriteView
> {
  constructor(
    private readonly ledger: ReportingLedger,
    private readonly aggregates: Aggregates,
  ) {}

  async execute({
    cityId,
    submissionId,
    expectedVersion,
    metadata,
  }: ValidateSubmissionCommand): Promise<SubmissionWriteView> {
    const { version, position } = await this.ledger.idempotent(cityId, metadata, async () => {
      const settings = await this.aggregates.load(cityId, citySettingsDecider, citySettingsStream(cityId));
      const command = {
        type: 'ValidateSubmission',
        actorId: metadata.actorId,
        fourEyes: settings.state.fourEyes,
      } as const;
      return this.ledger.transact(cityId, async (tx) => {
        // Validated: the organisation may open a new submission for this indicator and period.
        await tx.closeOpenSubmission(submissionId);
        return tx.handle(submissionDecider, submissionStream(submissionId), command, {
          expected: expectedVersion,
          metadata,
        });
      });
    });
    return { status: 'validated', version, position };
  }
}
