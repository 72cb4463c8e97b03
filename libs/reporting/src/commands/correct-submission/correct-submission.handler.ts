import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@rl/event-store';
import { DomainError } from '@rl/kernel';
import { checkObservations } from '../../domain/observation-checks';
import { decideSubmission } from '../../domain/submission.decider';
import { submissionStream } from '../../domain/submission.events';
import { SubmissionWriteView } from '../../reporting.view';
import { SubmissionSupport } from '../../submission-support';
import { CorrectSubmissionCommand } from './correct-submission.command';

@CommandHandler(CorrectSubmissionCommand)
export class CorrectSubmissionHandler implements ICommandHandler<
  CorrectSubmissionCommand,
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
  }: CorrectSubmissionCommand): Promise<SubmissionWriteView> {
    const { version, position } = await this.events.idempotent(cityId, metadata, async () => {
      const current = await this.support.load(cityId, submissionId);
      const { state } = current;
      if (!state.exists) throw new DomainError('not_found', 'SUBMISSION.NOT_FOUND', 'No such submission');
      if (metadata.actorRole === 'collector' && metadata.organisationId !== state.organisationId) {
        throw new DomainError(
          'forbidden',
          'SUBMISSION.NOT_ASSIGNED',
          "Collectors correct only their own organisation's submissions",
        );
      }
      // Checked against the definition as it is now; the event records that version and series.
      const indicator = await this.support.activeIndicator(cityId, state.indicatorId);
      const history = await this.support.validatedHistory(
        cityId,
        state.indicatorId,
        state.periodId,
        indicator.series,
      );
      const observations = checkObservations(indicator, input.observations, history);
      const events = decideSubmission(
        {
          type: 'CorrectSubmission',
          reason: input.reason.trim(),
          observations,
          late: state.late,
          definitionVersion: indicator.definitionVersion,
          series: indicator.series,
        },
        state,
      );
      return this.events.appendAlone(
        cityId,
        submissionStream(submissionId),
        current.version,
        events,
        metadata,
      );
    });
    return { status: 'submitted', version, position };
  }
}
