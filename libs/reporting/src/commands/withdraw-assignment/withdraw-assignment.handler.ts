import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResultView } from '@rl/web';
import { assignmentDecider } from '../../domain/assignment.decider';
import { assignmentStream } from '../../domain/assignment.events';
import { ReportingLedger } from '../../persistence/reporting-ledger';
import { WithdrawAssignmentCommand } from './withdraw-assignment.command';

@CommandHandler(WithdrawAssignmentCommand)
export class WithdrawAssignmentHandler implements ICommandHandler<
  WithdrawAssignmentCommand,
  WriteResultView
> {
  constructor(private readonly ledger: ReportingLedger) {}

  async execute({ cityId, assignmentId, metadata }: WithdrawAssignmentCommand): Promise<WriteResultView> {
    const { version, position } = await this.ledger.write(cityId, metadata, async (tx) => {
      // Frees the triple for a new assignment; a concurrent withdraw fails on the stream version.
      await tx.freeAssignment(assignmentId);
      return tx.handle(
        assignmentDecider,
        assignmentStream(assignmentId),
        { type: 'WithdrawAssignment' },
        { metadata },
      );
    });
    return { version, position };
  }
}
