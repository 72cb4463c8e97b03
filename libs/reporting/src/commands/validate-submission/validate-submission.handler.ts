import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore, streamConflict } from '@rl/event-store';
import { decideSubmission } from '../../domain/submission.decider';
import { submissionStream } from '../../domain/submission.events';
import { CitySettingsHistory } from '../../reporting-history';
import { SubmissionWriteView } from '../../reporting.view';
import { SubmissionSupport } from '../../submission-support';
import { ValidateSubmissionCommand } from './validate-submission.command';

@CommandHandler(ValidateSubmissionCommand)
export class ValidateSubmissionHandler implements ICommandHandler<
  ValidateSubmissionCommand,
  SubmissionWriteView
> {
  constructor(
    private readonly events: EventStore,
    private readonly support: SubmissionSupport,
    private readonly settings: CitySettingsHistory,
  ) {}

  async execute({
    cityId,
    submissionId,
    expectedVersion,
    metadata,
  }: ValidateSubmissionCommand): Promise<SubmissionWriteView> {
    const stream = submissionStream(submissionId);
    const { version, position } = await this.events.idempotent(cityId, metadata, async () => {
      const current = await this.support.load(cityId, submissionId);
      const { fourEyes } = (await this.settings.load(cityId)).state;
      const command = { type: 'ValidateSubmission', actorId: metadata.actorId, fourEyes } as const;
      const events = decideSubmission(command, current.state);
      if (expectedVersion !== current.version) throw streamConflict(stream, current.version, expectedVersion);
      return this.events.transact(cityId, async (tx) => {
        // Validated: the organisation may open a new submission for this indicator and period.
        await tx.em.query(`DELETE FROM open_submissions WHERE tenant_id = $1 AND submission_id = $2`, [
          cityId,
          submissionId,
        ]);
        return tx.append(stream, expectedVersion, events, metadata);
      });
    });
    return { status: 'validated', version, position };
  }
}
