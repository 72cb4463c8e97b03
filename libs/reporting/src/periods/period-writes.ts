import { AppendResult } from '@rl/event-store';
import { CommandMetadata } from '@rl/web';
import { PeriodCommand, periodDecider } from '../domain/period.decider';
import { periodStream } from '../domain/period.events';
import { PeriodErrors } from '../domain/reporting.errors';
import { ReportingTx } from '../persistence/reporting-ledger';

// The transactional half of defining a period, for POST /periods and imports: the code's reservation
// commits with the period's first event, so a concurrent define of the same code finds it taken.
export async function definePeriodIn(
  tx: ReportingTx,
  command: Extract<PeriodCommand, { type: 'DefinePeriod' }>,
  metadata: CommandMetadata,
): Promise<AppendResult> {
  const { code } = command.period;
  if (!(await tx.reservePeriodCode(code, command.periodId))) {
    throw PeriodErrors.CODE_TAKEN({
      message: `This city already has a period ${code}`,
      errors: [{ field: 'code', message: `${code} is already defined in this city` }],
    });
  }
  return tx.handle(periodDecider, periodStream(command.periodId), command, { expected: 0, metadata });
}
