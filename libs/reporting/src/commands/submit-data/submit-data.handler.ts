import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { AppendResult, EventStore, EventTransaction, NewEvent } from '@rl/event-store';
import { CityId, DomainError } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
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

// Who a submission (or an import) is for: a collector's own organisation; for an official the one named,
// by default their own.
export function submittingOrganisation(requested: string | undefined, metadata: CommandMetadata): string {
  const collector = metadata.actorRole === 'collector';
  const organisationId = collector ? metadata.organisationId : (requested ?? metadata.organisationId);
  if (collector && (!organisationId || (requested && requested !== organisationId))) {
    throw notAssigned();
  }
  if (!organisationId) {
    throw new DomainError('invalid', 'SUBMISSION.ORGANISATION_REQUIRED', 'Name the organisation', [
      { field: 'organisationId', message: 'is required for a member without an organisation' },
    ]);
  }
  return organisationId;
}

// The transactional half of a submission, shared with imports: the collector's assignment (or the
// official's organisation in the city), the one-open-submission reservation, then the append.
export async function appendSubmission(
  tx: EventTransaction,
  cityId: CityId,
  key: {
    submissionId: string;
    indicatorId: string;
    periodId: string;
    organisationId: string;
    collector: boolean;
  },
  events: NewEvent[],
  metadata: CommandMetadata,
): Promise<AppendResult> {
  const { submissionId, indicatorId, periodId, organisationId, collector } = key;
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
}

@CommandHandler(SubmitDataCommand)
export class SubmitDataHandler implements ICommandHandler<SubmitDataCommand, CreatedSubmissionView> {
  constructor(
    private readonly events: EventStore,
    private readonly support: SubmissionSupport,
  ) {}

  async execute({ cityId, input, metadata }: SubmitDataCommand): Promise<CreatedSubmissionView> {
    const { indicatorId, periodId, source, note } = input;
    const collector = metadata.actorRole === 'collector';
    const organisationId = submittingOrganisation(input.organisationId, metadata);
    const indicator = await this.support.activeIndicator(cityId, indicatorId);
    const deadline = await this.support.deadline(cityId, periodId);
    const history = await this.support.validatedHistory(cityId, indicatorId, periodId, indicator.series);
    const observations = checkObservations(indicator, input.observations, history);
    const submissionId = uuidv7();
    const result = await this.events.idempotent(cityId, metadata, () =>
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
        return appendSubmission(
          tx,
          cityId,
          { submissionId, indicatorId, periodId, organisationId, collector },
          events,
          metadata,
        );
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
