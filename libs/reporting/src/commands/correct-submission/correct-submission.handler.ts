import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { SubmissionErrors } from '../../domain/reporting.errors';
import { submissionDecider } from '../../domain/submission.decider';
import { submissionStream } from '../../domain/submission.events';
import { ReportingLedger } from '../../persistence/reporting-ledger';
import { SubmissionWriteView } from '../../reporting.view';
import { SubmissionChecks } from '../../submissions/submission-writes';
import { CorrectSubmissionCommand } from './correct-submission.command';

@CommandHandler(CorrectSubmissionCommand)
export class CorrectSubmissionHandler implements ICommandHandler<
  CorrectSubmissionCommand,
  SubmissionWriteView
> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly ledger: ReportingLedger,
    private readonly checks: SubmissionChecks,
  ) {}

  async execute({
    cityId,
    submissionId,
    input,
    metadata,
  }: CorrectSubmissionCommand): Promise<SubmissionWriteView> {
    const stream = submissionStream(submissionId);
    // Once per idempotency key, checks included: a retry answers with the first correction.
    const { version, position } = await this.ledger.idempotent(cityId, metadata, async () => {
      const current = await this.aggregates.load(cityId, submissionDecider, stream);
      const { state } = current;
      if (!state.exists) throw SubmissionErrors.NOT_FOUND();
      if (metadata.actorRole === 'collector' && metadata.organisationId !== state.organisationId) {
        throw SubmissionErrors.NOT_ASSIGNED({
          message: "Collectors correct only their own organisation's submissions",
        });
      }
      // Checked against the definition as it is now; the event records that version and series.
      const { indicatorId, periodId } = state;
      const indicator = await this.checks.activeIndicator(cityId, indicatorId);
      const observations = await this.checks.observations(
        cityId,
        indicator,
        { indicatorId, periodId },
        input.observations,
      );
      const { definitionVersion, series } = indicator;
      // At the version checked: a change in between is a conflict, not a correction of something else.
      return this.aggregates.handle(
        cityId,
        submissionDecider,
        stream,
        {
          type: 'CorrectSubmission',
          reason: input.reason.trim(),
          observations,
          late: state.late,
          definitionVersion,
          series,
        },
        { expected: current.version, metadata },
      );
    });
    return { status: 'submitted', version, position };
  }
}
