import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { CreatedView } from '../../budget.views';
import { budgetLineDecider } from '../../domain/budget-line.decider';
import { BudgetErrors } from '../../domain/budget.errors';
import { budgetLineStream } from '../../domain/budget.events';
import { BudgetLedger } from '../../persistence/budget-ledger';
import { assertIndicators, idOf } from '../references';
import { CreateBudgetLineCommand } from './create-budget-line.command';

@CommandHandler(CreateBudgetLineCommand)
export class CreateBudgetLineHandler implements ICommandHandler<CreateBudgetLineCommand, CreatedView> {
  constructor(private readonly ledger: BudgetLedger) {}

  async execute({ cityId, input, metadata }: CreateBudgetLineCommand): Promise<CreatedView> {
    const lineId = uuidv7();
    const result = await this.ledger.write(cityId, metadata, async (tx) => {
      await assertIndicators(tx, input.indicators, (i) => `indicators[${i}]`);
      if (!(await tx.reserveCode(input.year, input.code, lineId)))
        throw BudgetErrors.CODE_TAKEN({
          message: `The city already has a budget line ${input.code.trim()} in ${input.year}`,
          errors: [{ field: 'code', message: `${input.code.trim()} is taken in ${input.year}` }],
        });
      const amount = { value: input.amount.value, currency: input.amount.currency };
      return tx.handle(
        budgetLineDecider,
        budgetLineStream(lineId),
        { type: 'CreateBudgetLine', lineId, ...input, amount, indicators: [...input.indicators] },
        { expected: 0, metadata },
      );
    });
    // A retry with the same Idempotency-Key gets the first result, whose stream names the first id.
    return { id: idOf(result.streamId, 'budget-line'), version: result.version, position: result.position };
  }
}
