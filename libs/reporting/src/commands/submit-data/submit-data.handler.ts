import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { EventStore } from '@rl/event-store';
import { DomainError } from '@rl/kernel';
import { assertOrganisationInCity } from '@rl/stakeholders';
import { checkObservations } from '../../domain/observation-checks';
import { decideSubmission, initialSubmissionState } from '../../domain/submission.decider';
import { submissionStream } from '../../domain/submission.events';
import { CreatedSubmissionView } from '../../reporting.view';
import { SubmissionSupport } from '../../submission-support';
import { SubmitDataCommand } from './submit-data.command';

const notAssigned = () =>
  new DomainError(
    'forbidden',
    'SUBMISSION.NOT_ASSIGNED',
    'Your organisation has no active assignment for this indicator and period',
  );

@CommandHandler(SubmitDataCommand)
export class SubmitDataHandler implements ICommandHandler<SubmitDataCommand, CreatedSubmissionView> {
  constructor(
    private readonly events: EventStore,
    private readonly support: SubmissionSupport,
  ) {}

  async execute({ cityId, input, metadata }: SubmitDataCommand): Promise<CreatedSubmissionView> {
    const { indicatorId, periodId, source, note } = input;
    const collector = metadata.actorRole === 'collector';
    // A collector submits for their own organisation; an official may name any organisation of the city.
    const organisationId = collector
      ? metadata.organisationId
      : (input.organisationId ?? metadata.organisationId);
    if (collector && (!organisationId || (input.organisationId && input.organisationId !== organisationId))) {
      throw notAssigned();
    }
    if (!organisationId) {
      throw new DomainError('invalid', 'SUBMISSION.ORGANISATION_REQUIRED', 'Name the organisation', [
        { field: 'organisationId', message: 'is required for a member without an organisation' },
      ]);
    }
    const indicator = await this.support.activeIndicator(cityId, indicatorId);
    const deadline = await this.support.deadline(cityId, periodId);
    const history = await this.support.validatedHistory(cityId, indicatorId, periodId, indicator.series);
    const observations = checkObservations(indicator, input.observations, history);
    const submissionId = uuidv7();
    const result = await this.events.idempotent(cityId, metadata.idempotencyKey, () =>
      this.events.transact(cityId, async (tx) => {
        const events = decideSubmission(
          {
            type: 'SubmitData',
            submissionId,
            indicatorId,
            periodId,
            organisationId,
            observations,
            late: Date.now() > deadline.getTime(),
            definitionVersion: indicator.definitionVersion,
            series: indicator.series,
            ...(source !== undefined && { source }),
            ...(note !== undefined && { note }),
          },
          initialSubmissionState,
        );
        if (collector) {
          // assignment_keys holds exactly the active assignments (freed on withdrawal).
          const assigned = await tx.em.query<unknown[]>(
            `SELECT 1 FROM assignment_keys
              WHERE tenant_id = $1 AND indicator_id = $2 AND organisation_id = $3 AND period_id = $4`,
            [cityId, indicatorId, organisationId, periodId],
          );
          if (assigned.length === 0) throw notAssigned();
        } else {
          await assertOrganisationInCity(tx.em, organisationId, 'SUBMISSION.UNKNOWN_ORGANISATION');
        }
        const reserved = await tx.em.query<unknown[]>(
          `INSERT INTO open_submissions (tenant_id, indicator_id, period_id, organisation_id, submission_id)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (tenant_id, indicator_id, period_id, organisation_id) DO NOTHING RETURNING submission_id`,
          [cityId, indicatorId, periodId, organisationId, submissionId],
        );
        if (reserved.length === 0) {
          const open = await tx.em.query<{ id: string }[]>(
            `SELECT submission_id AS id FROM open_submissions
              WHERE tenant_id = $1 AND indicator_id = $2 AND period_id = $3 AND organisation_id = $4`,
            [cityId, indicatorId, periodId, organisationId],
          );
          throw new DomainError(
            'conflict',
            'SUBMISSION.ALREADY_OPEN',
            'This organisation already has an open submission for this indicator and period; correct it instead',
            [],
            { openSubmissionId: open[0]?.id },
          );
        }
        return tx.append(submissionStream(submissionId), 0, events, metadata);
      }),
    );
    return {
      id: result.streamId.replace(/^submission-/, ''),
      status: 'submitted',
      version: result.version,
      position: result.position,
    };
  }
}
