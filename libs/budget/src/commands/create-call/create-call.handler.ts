import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { CreatedView } from '../../budget.views';
import { budgetLineDecider } from '../../domain/budget-line.decider';
import { BudgetErrors } from '../../domain/budget.errors';
import { budgetLineStream, callStream } from '../../domain/budget.events';
import { callDecider } from '../../domain/call.decider';
import { BudgetLedger } from '../../persistence/budget-ledger';
import { idOf, keyless } from '../references';
import { CreateCallCommand } from './create-call.command';

// A call hangs on a budget line: the line records it (bounded, criteria among the line's indicators)
// in the transaction that creates the call.
@CommandHandler(CreateCallCommand)
export class CreateCallHandler implements ICommandHandler<CreateCallCommand, CreatedView> {
  constructor(private readonly ledger: BudgetLedger) {}

  async execute({ cityId, input, metadata }: CreateCallCommand): Promise<CreatedView> {
    const callId = uuidv7();
    const { budgetLineId } = input;
    const criteria = input.criteria.map(({ indicatorId, description, weight }) => ({
      indicatorId,
      description: description.trim(),
      weight,
    }));
    const result = await this.ledger.write(cityId, metadata, async (tx) => {
      await tx.lockLine(budgetLineId);
      if ((await tx.missing([budgetLineStream(budgetLineId)])).length > 0)
        throw BudgetErrors.UNKNOWN_LINE({
          errors: [{ field: 'budgetLineId', message: 'is not a budget line of this city' }],
        });
      const call = { type: 'CreateCall' as const, callId, ...input, criteria };
      // Decided first, so that the call's own refusals come before the line's.
      callDecider.decide(call, callDecider.initialState());
      await tx.handle(
        budgetLineDecider,
        budgetLineStream(budgetLineId),
        { type: 'AttachCall', callId, indicators: criteria.map((c) => c.indicatorId) },
        { metadata: keyless(metadata) },
      );
      return tx.handle(callDecider, callStream(callId), call, { expected: 0, metadata });
    });
    return { id: idOf(result.streamId, 'call'), version: result.version, position: result.position };
  }
}
