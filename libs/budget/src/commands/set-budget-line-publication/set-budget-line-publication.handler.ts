import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResultView } from '@rl/web';
import { budgetLineDecider } from '../../domain/budget-line.decider';
import { budgetLineStream } from '../../domain/budget.events';
import { BudgetLedger } from '../../persistence/budget-ledger';
import { SetBudgetLinePublicationCommand } from './set-budget-line-publication.command';

// The flag the public reader roles' policies check is written with its event (a refusal rolls both
// back), so a withdrawal holds from its commit on, before any projection catches up.
@CommandHandler(SetBudgetLinePublicationCommand)
export class SetBudgetLinePublicationHandler implements ICommandHandler<
  SetBudgetLinePublicationCommand,
  WriteResultView
> {
  constructor(private readonly ledger: BudgetLedger) {}

  async execute({ cityId, lineId, isPublic, metadata }: SetBudgetLinePublicationCommand) {
    const { version, position } = await this.ledger.write(cityId, metadata, async (tx) => {
      await tx.setPublished(lineId, isPublic);
      return tx.handle(
        budgetLineDecider,
        budgetLineStream(lineId),
        { type: 'SetBudgetLinePublication', public: isPublic },
        { metadata },
      );
    });
    return { version, position };
  }
}
