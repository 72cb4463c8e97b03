import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { EventStore } from '@rl/event-store';
import { DomainError } from '@rl/kernel';
import { assertOrganisationInCity } from '@rl/stakeholders';
import { decideAssignment, initialAssignmentState } from '../../domain/assignment.decider';
import { assignmentStream } from '../../domain/assignment.events';
import { periodStream } from '../../domain/period.events';
import { CreatedAssignmentView } from '../../reporting.view';
import { assertStreamInCity } from '../../stream-check';
import { CreateAssignmentCommand } from './create-assignment.command';

// The indicators context names its streams `indicator-<uuid>`.
const indicatorStream = (indicatorId: string) => `indicator-${indicatorId}`;

@CommandHandler(CreateAssignmentCommand)
export class CreateAssignmentHandler implements ICommandHandler<
  CreateAssignmentCommand,
  CreatedAssignmentView
> {
  constructor(private readonly events: EventStore) {}

  async execute({ cityId, input, metadata }: CreateAssignmentCommand): Promise<CreatedAssignmentView> {
    const { indicatorId, organisationId, periodId } = input;
    const assignmentId = uuidv7();
    const events = decideAssignment(
      { type: 'CreateAssignment', assignmentId, indicatorId, organisationId, periodId },
      initialAssignmentState,
    );
    const result = await this.events.idempotent(cityId, metadata, () =>
      this.events.transact(cityId, async (tx) => {
        await assertStreamInCity(
          tx.em,
          indicatorStream(indicatorId),
          'indicatorId',
          'ASSIGNMENT.UNKNOWN_INDICATOR',
          'indicator',
        );
        await assertOrganisationInCity(tx.em, organisationId, 'ASSIGNMENT.UNKNOWN_ORGANISATION');
        await assertStreamInCity(
          tx.em,
          periodStream(periodId),
          'periodId',
          'ASSIGNMENT.UNKNOWN_PERIOD',
          'period',
        );
        // The triple's reservation commits with the assignment's first event, so concurrent assigns of
        // the same triple cannot both succeed.
        const reserved = await tx.em.query<unknown[]>(
          `INSERT INTO assignment_keys (tenant_id, indicator_id, organisation_id, period_id, assignment_id)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (tenant_id, indicator_id, organisation_id, period_id) DO NOTHING RETURNING assignment_id`,
          [cityId, indicatorId, organisationId, periodId, assignmentId],
        );
        if (reserved.length === 0) {
          throw new DomainError(
            'conflict',
            'ASSIGNMENT.ALREADY_EXISTS',
            'This indicator is already assigned to this organisation for this period',
          );
        }
        return tx.append(assignmentStream(assignmentId), 0, events, metadata);
      }),
    );
    return {
      id: result.streamId.replace(/^assignment-/, ''),
      version: result.version,
      position: result.position,
    };
  }
}
