import { emptyReport, ImportErrors, ImportResultView } from '@rl/reporting';

export interface TemplateImport {
  sheet: string;
  indicatorId: string;
  organisationId: string;
  fileName: string;
  csv: Buffer;
}

// The reports of a workbook's sheets as one: counts added up, each refused row named with its sheet.
// Rejected (nothing written) → IMPORT.REJECTED with the merged report, as for one file.
export function mergeReports(
  imports: readonly TemplateImport[],
  reports: readonly ImportResultView[],
  options: { throwIfRejected: boolean },
): ImportResultView {
  const merged: ImportResultView = {
    ...emptyReport(reports.every((r) => r.dryRun)),
    id: reports[reports.length - 1].id,
    ok: reports.every((r) => r.ok),
  };
  reports.forEach((report, i) => {
    merged.rows += report.rows;
    merged.accepted += report.accepted;
    merged.skippedEmpty += report.skippedEmpty;
    merged.duplicates += report.duplicates;
    merged.rejectedCount += report.rejectedCount;
    merged.rejected.push(
      ...report.rejected.map((r) => ({ row: r.row, reason: `sheet "${imports[i].sheet}": ${r.reason}` })),
    );
    merged.periodsCreated.push(...report.periodsCreated);
    merged.submissions.push(...report.submissions);
    if (report.position !== undefined) merged.position = Math.max(merged.position ?? 0, report.position);
  });
  if (!merged.ok && options.throwIfRejected) {
    throw ImportErrors.REJECTED({
      message: `The import was rejected, nothing was written: ${merged.rejectedCount} row(s) refused`,
      errors: merged.rejected.slice(0, 100).map((r) => ({ field: `row ${r.row}`, message: r.reason })),
      details: { report: merged },
    });
  }
  return merged;
}
