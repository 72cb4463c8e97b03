import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@rl/event-store';
import { WriteResultView } from '@rl/web';
import { decideAssignment } from '../../domain/assignment.decider';
import { assignmentStream } from '../../domain/assignment.events';
import { AssignmentHistory } from '../../reporting-history';
import { WithdrawAssignmentCommand } from './withdraw-assignment.command';

@CommandHandler(WithdrawAssignmentCommand)
export class WithdrawAssignmentHandler implements ICommandHandler<
  WithdrawAssignmentCommand,
  WriteResultView
> {
  constructor(
    private readonly events: EventStore,
    private readonly history: AssignmentHistory,
  ) {}

  async execute({ cityId, assignmentId, metadata }: WithdrawAssignmentCommand): Promise<WriteResultView> {
    return this.events
      .idempotent(cityId, metadata, async () => {
        const current = await this.history.load(cityId, assignmentId);
        const events = decideAssignment({ type: 'WithdrawAssignment' }, current.state);
        return this.events.transact(cityId, async (tx) => {
          // Frees the triple for a new assignment; a concurrent withdraw fails on the stream version.
          await tx.em.query(`DELETE FROM assignment_keys WHERE tenant_id = $1 AND assignment_id = $2`, [
            cityId,
            assignmentId,
          ]);
          return tx.append(assignmentStream(assignmentId), current.version, events, metadata);
        });
      })
      .then(({ version, position }) => ({ version, position }));
  }
}
