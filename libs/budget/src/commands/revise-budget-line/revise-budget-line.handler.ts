import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResultView } from '@rl/web';
import { budgetLineDecider } from '../../domain/budget-line.decider';
import { budgetLineStream } from '../../domain/budget.events';
import { BudgetLedger } from '../../persistence/budget-ledger';
import { assertIndicators } from '../references';
import { ReviseBudgetLineCommand } from './revise-budget-line.command';

@CommandHandler(ReviseBudgetLineCommand)
export class ReviseBudgetLineHandler implements ICommandHandler<ReviseBudgetLineCommand, WriteResultView> {
  constructor(private readonly ledger: BudgetLedger) {}

  async execute({ cityId, lineId, expectedVersion, changes, metadata }: ReviseBudgetLineCommand) {
    const { version, position } = await this.ledger.write(cityId, metadata, async (tx) => {
      await tx.lockLine(lineId);
      if (changes.indicators) await assertIndicators(tx, changes.indicators, (i) => `indicators[${i}]`);
      const { title, amount, indicators } = changes;
      return tx.handle(
        budgetLineDecider,
        budgetLineStream(lineId),
        {
          type: 'ReviseBudgetLine',
          title,
          amount: amount && { value: amount.value, currency: amount.currency },
          indicators: indicators && [...indicators],
        },
        { expected: expectedVersion, metadata },
      );
    });
    return { version, position };
  }
}
