import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { ReportingLedger } from '../../persistence/reporting-ledger';
import { CreatedSubmissionView } from '../../reporting.view';
import { SubmissionChecks, submitIn, submittingOrganisation } from '../../submissions/submission-writes';
import { SubmitDataCommand } from './submit-data.command';

@CommandHandler(SubmitDataCommand)
export class SubmitDataHandler implements ICommandHandler<SubmitDataCommand, CreatedSubmissionView> {
  constructor(
    private readonly ledger: ReportingLedger,
    private readonly checks: SubmissionChecks,
  ) {}

  async execute({ cityId, input, metadata }: SubmitDataCommand): Promise<CreatedSubmissionView> {
    const { indicatorId, periodId, source, note } = input;
    const organisationId = submittingOrganisation(input.organisationId, metadata);
    const indicator = await this.checks.activeIndicator(cityId, indicatorId);
    const deadline = await this.checks.deadline(cityId, periodId);
    const where = { indicatorId, periodId };
    const observations = await this.checks.observations(cityId, indicator, where, input.observations);
    const submissionId = uuidv7();
    const result = await this.ledger.write(cityId, metadata, (tx) =>
      submitIn(
        tx,
        {
          type: 'SubmitData',
          submissionId,
          indicatorId,
          periodId,
          organisationId,
          observations,
          late: Date.now() > deadline.getTime(),
          definitionVersion: indicator.definitionVersion,
          series: indicator.series,
          ...(source !== undefined && { source }),
          ...(note !== undefined && { note }),
        },
        metadata,
      ),
    );
    return {
      id: result.streamId.replace(/^submission-/, ''),
      status: 'submitted',
      version: result.version,
      position: result.position,
    };
  }
}
