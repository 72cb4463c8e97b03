import { CityId } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { ReportingLedger, ReportingTx } from '../../persistence/reporting-ledger';
import { definePeriodIn } from '../../periods/period-writes';
import { ActiveIndicator, submitIn } from '../../submissions/submission-writes';
import { PlannedSubmission } from './import-plan';

export interface ImportTarget {
  cityId: CityId;
  timezone: string;
  indicator: ActiveIndicator;
  indicatorId: string;
  organisationId: string;
  fileName: string;
  metadata: CommandMetadata;
}

// The append stage of an import, all or nothing: one transaction with the import's own outcome (`finish`
// runs first, so that it commits with the events), every new period and every submission, written as
// POST /periods and POST /submissions write them. Answers the position of the last event.
export function appendImport(
  ledger: ReportingLedger,
  target: ImportTarget,
  plans: readonly PlannedSubmission[],
  finish: (tx: ReportingTx) => Promise<void>,
): Promise<number> {
  const { cityId, timezone, indicator, indicatorId, organisationId, metadata } = target;
  return ledger.transact(cityId, async (tx) => {
    await finish(tx);
    for (const { periodId, period, deadline } of plans.filter((p) => p.created)) {
      await definePeriodIn(tx, { type: 'DefinePeriod', periodId, period, deadline, timezone }, metadata);
    }
    const { definitionVersion, series } = indicator;
    const note = `Imported from ${target.fileName}`.slice(0, 4000);
    const common = { indicatorId, organisationId, definitionVersion, series, source: 'import', note };
    let position = 0;
    for (const { submissionId, periodId, observations, late } of plans) {
      const submission = { type: 'SubmitData' as const, submissionId, periodId, observations, late };
      position = (await submitIn(tx, { ...submission, ...common }, metadata)).position;
    }
    return position;
  });
}
