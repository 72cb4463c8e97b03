import { CataloguedError, DomainError } from '@rl/kernel';
import { checkObservations, ObservationInput, seriesKey } from '../../domain/observation-checks';
import { parsePeriodCode, PeriodCode } from '../../domain/period-code';
import { ImportErrors } from '../../domain/reporting.errors';
import { ActiveIndicator } from '../../submissions/submission-writes';
import { ImportReportView } from './import-open-sdg.dto';
import { SheetRow } from './open-sdg-rows';

// A rejected report lists this many rows; `rejectedCount` has them all.
export const MAX_REPORTED_REJECTIONS = 1_000;

// Open SDG attribute columns: facts about a value, not disaggregations.
export const ATTRIBUTE_COLUMNS = new Set(
  ['Units', 'Series', 'Observation status', 'Unit multiplier', 'Unit measure', 'GeoCode', 'COMMENT_OBS'].map(
    (c) => c.toLowerCase(),
  ),
);

export interface Mapping {
  columns: Record<string, string>;
  values: Record<string, Record<string, string>>;
}

export interface Accepted {
  row: number;
  input: ObservationInput & { disaggregation: Record<string, string>; value: number };
}

// period code → series key → the accepted row
export interface PeriodRows {
  period: PeriodCode;
  rows: Map<string, Accepted>;
}
export type RowsByPeriod = Map<string, PeriodRows>;

const own = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

export const badField = (error: CataloguedError, field: string, message = error.message) =>
  error({ message, errors: [{ field, message }] });

export const emptyReport = (dryRun: boolean): ImportReportView => ({
  ok: false,
  dryRun,
  rows: 0,
  accepted: 0,
  skippedEmpty: 0,
  duplicates: 0,
  rejected: [],
  rejectedCount: 0,
  periodsCreated: [],
  submissions: [],
});

// Records a refused row: every one is counted, the first ones listed.
export const rejectRow = (report: ImportReportView, row: number, reason: string): void => {
  report.rejectedCount++;
  report.rejected.push({ row, reason });
  if (report.rejected.length > MAX_REPORTED_REJECTIONS * 2) trimRejections(report);
};

export const trimRejections = (report: ImportReportView): void => {
  report.rejected.sort((a, b) => a.row - b.row);
  report.rejected.length = Math.min(report.rejected.length, MAX_REPORTED_REJECTIONS);
};

// Why the submission rules refuse one observation, in the words of the checks, field paths shortened.
function observationProblem(indicator: ActiveIndicator, input: ObservationInput): string | null {
  try {
    checkObservations(indicator, [input]);
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.errors
      .map((e) => `${e.field.replace(/^observations\.0\.(disaggregation\.)?/, '')}: ${e.message}`)
      .join('; ');
  }
}

function readHeader(cells: string[], mapping: Mapping) {
  const header = cells.map((c) => c.trim());
  const yearAt = header.findIndex((h) => h.toLowerCase() === 'year');
  const valueAt = header.length - 1;
  if (yearAt < 0 || header[valueAt].toLowerCase() !== 'value') {
    throw badField(ImportErrors.INVALID_LAYOUT, 'file');
  }
  const dimensions = header
    .map((label, at) => ({ at, label }))
    // An attribute column counts as a dimension only when the mapping names it (València's GeoCode
    // holds the district).
    .filter(
      ({ at, label }) =>
        at !== yearAt &&
        at !== valueAt &&
        (!ATTRIBUTE_COLUMNS.has(label.toLowerCase()) || Object.hasOwn(mapping.columns, label)),
    )
    .map(({ at, label }) => ({ at, dimension: own(mapping.columns, label) ?? label }));
  return { yearAt, valueAt, dimensions };
}

// The parse stage of an import: checks every row as POST /submissions would and groups the accepted ones
// by period; `report` gets the counts and the refused rows. Nothing is read from the city or written here.
export async function collectRows(
  sheet: AsyncIterable<SheetRow>,
  indicator: ActiveIndicator,
  mapping: Mapping,
  report: ImportReportView,
  onProgress: (rows: number, at: number) => Promise<void>,
): Promise<RowsByPeriod> {
  const byPeriod: RowsByPeriod = new Map();
  let layout: ReturnType<typeof readHeader> | undefined;
  for await (const { row, cells, at } of sheet) {
    if (!layout) {
      layout = readHeader(cells, mapping);
      continue;
    }
    report.rows++;
    await onProgress(report.rows, at);
    const rawValue = (cells[layout.valueAt] ?? '').trim();
    if (rawValue === '') {
      report.skippedEmpty++;
      continue;
    }
    const value = Number(rawValue);
    if (!Number.isFinite(value)) {
      rejectRow(report, row, `Value "${rawValue.slice(0, 50)}" is not a number`);
      continue;
    }
    let period: PeriodCode;
    try {
      period = parsePeriodCode(cells[layout.yearAt] ?? '');
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      rejectRow(report, row, `Year: ${error.errors[0]?.message ?? error.message}`);
      continue;
    }
    const disaggregation: Record<string, string> = {};
    for (const { at: column, dimension } of layout.dimensions) {
      const cell = (cells[column] ?? '').trim();
      if (cell !== '') disaggregation[dimension] = own(own(mapping.values, dimension) ?? {}, cell) ?? cell;
    }
    const observation = { disaggregation, value };
    const problem = observationProblem(indicator, observation);
    if (problem !== null) {
      rejectRow(report, row, problem);
      continue;
    }
    const group = byPeriod.get(period.code) ?? { period, rows: new Map<string, Accepted>() };
    byPeriod.set(period.code, group);
    const key = seriesKey(disaggregation);
    const earlier = group.rows.get(key);
    if (earlier === undefined) {
      group.rows.set(key, { row, input: observation });
    } else if (earlier.input.value === value) {
      report.duplicates++;
    } else {
      rejectRow(
        report,
        row,
        `rows ${earlier.row} and ${row} give period ${period.code}` +
          `${key ? ` and ${key}` : ' (total)'} different values (${earlier.input.value} and ${value})`,
      );
    }
  }
  if (!layout) throw badField(ImportErrors.EMPTY_FILE, 'file');
  return byPeriod;
}
