import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { indicatorStream } from '@rl/indicators';
import { organisationStream } from '@rl/stakeholders';
import { assignmentDecider } from '../../domain/assignment.decider';
import { assignmentStream } from '../../domain/assignment.events';
import { periodStream } from '../../domain/period.events';
import { AssignmentErrors } from '../../domain/reporting.errors';
import { ReportingLedger, requireStream } from '../../persistence/reporting-ledger';
import { CreatedAssignmentView } from '../../reporting.view';
import { CreateAssignmentCommand } from './create-assignment.command';

@CommandHandler(CreateAssignmentCommand)
export class CreateAssignmentHandler implements ICommandHandler<
  CreateAssignmentCommand,
  CreatedAssignmentView
> {
  constructor(private readonly ledger: ReportingLedger) {}

  async execute({ cityId, input, metadata }: CreateAssignmentCommand): Promise<CreatedAssignmentView> {
    const { indicatorId, organisationId, periodId } = input;
    const key = { assignmentId: uuidv7(), indicatorId, organisationId, periodId };
    const result = await this.ledger.write(cityId, metadata, async (tx) => {
      const { UNKNOWN_INDICATOR, UNKNOWN_ORGANISATION, UNKNOWN_PERIOD } = AssignmentErrors;
      await requireStream(tx, indicatorStream(indicatorId), UNKNOWN_INDICATOR, 'indicatorId', 'indicator');
      await requireStream(
        tx,
        organisationStream(organisationId),
        UNKNOWN_ORGANISATION,
        'organisationId',
        'organisation',
      );
      await requireStream(tx, periodStream(periodId), UNKNOWN_PERIOD, 'periodId', 'period');
      // The triple's reservation commits with the assignment's first event, so concurrent assigns of
      // the same triple cannot both succeed.
      if (!(await tx.reserveAssignment(key))) throw AssignmentErrors.ALREADY_EXISTS();
      return tx.handle(
        assignmentDecider,
        assignmentStream(key.assignmentId),
        { type: 'CreateAssignment', ...key },
        { expected: 0, metadata },
      );
    });
    return {
      id: result.streamId.replace(/^assignment-/, ''),
      version: result.version,
      position: result.position,
    };
  }
}
