import { checkObservations, ValidatedHistory } from '../../domain/observation-checks';
import { parseDeadline } from '../../domain/deadline';
import { PeriodCode } from '../../domain/period-code';
import { ImportErrors } from '../../domain/reporting.errors';
import { Observation } from '../../domain/submission.events';
import { KnownPeriod } from '../../persistence/submission-references.repository';
import { ActiveIndicator } from '../../submissions/submission-writes';
import { ImportReportView } from './import-open-sdg.dto';
import { PeriodRows, rejectRow, RowsByPeriod, trimRejections } from './import-parse';

// The plan stage of an import: pure decisions on the parsed rows, given what the city already has.

// A period created by an import is due at the end of the March after it ends, in the city's time zone:
// the data is historical, so the deadline only records when it would have been due.
export const importDeadline = (period: PeriodCode, timezone: string): Date => {
  const lastDay = new Date(`${period.end}T00:00:00Z`);
  lastDay.setUTCDate(lastDay.getUTCDate() - 1);
  return parseDeadline(`${lastDay.getUTCFullYear() + 1}-03-31`, timezone);
};

export const rejectedImport = (report: ImportReportView) =>
  ImportErrors.REJECTED({
    message: `The import was rejected, nothing was written: ${report.rejectedCount} row(s) refused`,
    errors: report.rejected.slice(0, 100).map((r) => ({ field: `row ${r.row}`, message: r.reason })),
    details: { report },
  });

// Refuses the rows of periods where the organisation already has an open submission (correct it
// instead) and counts the periods to create against the cap. True when the import goes on to write:
// nothing refused, not a dry run, something to write. A refused import that is not a dry run throws
// IMPORT.REJECTED with its report.
export function admitImport(
  report: ImportReportView,
  byPeriod: RowsByPeriod,
  known: readonly KnownPeriod[],
  options: { dryRun: boolean; maxNewPeriods: number },
): boolean {
  for (const { code, openSubmissionId } of known) {
    if (openSubmissionId === null) continue;
    const first = Math.min(...[...(byPeriod.get(code)?.rows.values() ?? [])].map((a) => a.row));
    rejectRow(
      report,
      first,
      `period ${code} already has an open submission (${openSubmissionId}) of this organisation for this indicator; correct it instead`,
    );
  }
  const codes = new Set(known.map((k) => k.code));
  report.periodsCreated = [...byPeriod.keys()].filter((code) => !codes.has(code));
  if (report.periodsCreated.length > options.maxNewPeriods) {
    const message = `would create ${report.periodsCreated.length} periods (at most ${options.maxNewPeriods} per import)`;
    throw ImportErrors.TOO_MANY_PERIODS({
      message: `The import is refused: it ${message}`,
      errors: [{ field: 'file', message }],
    });
  }
  report.accepted = [...byPeriod.values()].reduce((n, g) => n + g.rows.size, 0);
  trimRejections(report);
  if (report.rejectedCount > 0) {
    if (options.dryRun) return false;
    throw rejectedImport(report);
  }
  report.ok = true;
  return !options.dryRun && byPeriod.size > 0;
}

export interface PlannedSubmission {
  period: PeriodCode;
  periodId: string;
  // The period is new: the import defines it.
  created: boolean;
  deadline: Date;
  late: boolean;
  observations: Observation[];
  submissionId: string;
}

// One period's submission, its rows checked as POST /submissions checks them (with the series'
// plausibility against `history`).
export function planSubmission(
  { period, rows }: PeriodRows,
  indicator: ActiveIndicator,
  at: { periodId: string; created: boolean; deadline: Date; history: ValidatedHistory; now: Date },
  submissionId: string,
): PlannedSubmission {
  const ordered = [...rows.values()].sort((a, b) => a.row - b.row);
  const observations = checkObservations(
    indicator,
    ordered.map((a) => a.input),
    at.history,
  );
  const { periodId, created, deadline, now } = at;
  return {
    period,
    periodId,
    created,
    deadline,
    late: now.getTime() > deadline.getTime(),
    observations,
    submissionId,
  };
}
