import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { CreatedView } from '../../budget.views';
import { budgetLineDecider } from '../../domain/budget-line.decider';
import { BudgetErrors } from '../../domain/budget.errors';
import { budgetLineStream, callStream, fundedProjectStream } from '../../domain/budget.events';
import { callDecider } from '../../domain/call.decider';
import { fundedProjectDecider } from '../../domain/funded-project.decider';
import { BudgetLedger } from '../../persistence/budget-ledger';
import { assertOrganisation, idOf, keyless } from '../references';
import { FundProjectCommand } from './fund-project.command';

// The money is taken from the line under its lock, in the transaction that records the project: the
// projects of a line never exceed its amount, whatever runs concurrently.
@CommandHandler(FundProjectCommand)
export class FundProjectHandler implements ICommandHandler<FundProjectCommand, CreatedView> {
  constructor(private readonly ledger: BudgetLedger) {}

  async execute({ cityId, callId, input, metadata }: FundProjectCommand): Promise<CreatedView> {
    const projectId = uuidv7();
    const contributions = input.contributions.map((c) => ({
      indicatorId: c.indicatorId,
      expected: c.expected.trim(),
    }));
    const result = await this.ledger.write(cityId, metadata, async (tx) => {
      const call = (await tx.load(callDecider, callStream(callId))).state;
      if (!call.exists) throw BudgetErrors.CALL_NOT_FOUND();
      await assertOrganisation(tx, input.organisationId);
      const line = (await tx.load(budgetLineDecider, budgetLineStream(call.budgetLineId))).state;
      if (!line.exists) throw BudgetErrors.LINE_NOT_FOUND();
      const amount = { value: input.amount.value, currency: input.amount.currency ?? line.amount.currency };
      const project = {
        type: 'FundProject' as const,
        projectId,
        callId,
        budgetLineId: call.budgetLineId,
        organisationId: input.organisationId,
        title: input.title,
        amount,
        contributions,
      };
      fundedProjectDecider.decide(project, fundedProjectDecider.initialState());
      await tx.lockLine(call.budgetLineId);
      await tx.handle(
        budgetLineDecider,
        budgetLineStream(call.budgetLineId),
        {
          type: 'CommitFunds',
          callId,
          projectId,
          amount,
          indicators: contributions.map((c) => c.indicatorId),
        },
        { metadata: keyless(metadata) },
      );
      return tx.handle(fundedProjectDecider, fundedProjectStream(projectId), project, {
        expected: 0,
        metadata,
      });
    });
    return {
      id: idOf(result.streamId, 'funded-project'),
      version: result.version,
      position: result.position,
    };
  }
}
