import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResultView } from '@rl/web';
import { BudgetErrors } from '../../domain/budget.errors';
import { fundedProjectStream } from '../../domain/budget.events';
import { fundedProjectDecider } from '../../domain/funded-project.decider';
import { BudgetLedger } from '../../persistence/budget-ledger';
import { ReportContributionsCommand } from './report-contributions.command';

@CommandHandler(ReportContributionsCommand)
export class ReportContributionsHandler implements ICommandHandler<
  ReportContributionsCommand,
  WriteResultView
> {
  constructor(private readonly ledger: BudgetLedger) {}

  async execute({ cityId, callId, projectId, expectedVersion, input, metadata }: ReportContributionsCommand) {
    const stream = fundedProjectStream(projectId);
    const { version, position } = await this.ledger.write(cityId, metadata, async (tx) => {
      const project = (await tx.load(fundedProjectDecider, stream)).state;
      // The project as addressed: under its own call.
      if (!project.exists || project.callId !== callId) throw BudgetErrors.PROJECT_NOT_FOUND();
      const contributions = input.contributions.map((c) => ({
        indicatorId: c.indicatorId,
        reported: c.reported.trim(),
      }));
      return tx.handle(
        fundedProjectDecider,
        stream,
        { type: 'ReportContributions', contributions },
        { expected: expectedVersion, metadata },
      );
    });
    return { version, position };
  }
}
