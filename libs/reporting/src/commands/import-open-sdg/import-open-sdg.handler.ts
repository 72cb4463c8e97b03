import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { EventStore } from '@rl/event-store';
import { DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { parseDeadline } from '../../domain/deadline';
import { checkObservations, ObservationInput, seriesKey } from '../../domain/observation-checks';
import { parsePeriodCode, PeriodCode } from '../../domain/period-code';
import { decidePeriod, initialPeriodState } from '../../domain/period.decider';
import { decideSubmission, initialSubmissionState } from '../../domain/submission.decider';
import { ActiveIndicator, SubmissionSupport } from '../../submission-support';
import { appendPeriod } from '../define-period/define-period.handler';
import { appendSubmission, submittingOrganisation } from '../submit-data/submit-data.handler';
import { ImportOpenSdgCommand } from './import-open-sdg.command';
import { ImportRejectedRowView, ImportReportView } from './import-open-sdg.dto';
import { readSheet } from './open-sdg-rows';

// Open SDG attribute columns: facts about a value, not disaggregations.
export const ATTRIBUTE_COLUMNS = new Set(
  ['Units', 'Series', 'Observation status', 'Unit multiplier', 'Unit measure', 'GeoCode', 'COMMENT_OBS'].map(
    (c) => c.toLowerCase(),
  ),
);

interface Mapping {
  columns: Record<string, string>;
  values: Record<string, Record<string, string>>;
}

interface Accepted {
  row: number;
  input: ObservationInput & { disaggregation: Record<string, string>; value: number };
}

const own = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

const badField = (field: string, code: string, message: string) =>
  new DomainError('bad_request', code, message, [{ field, message }]);

const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((v) => typeof v === 'string');

export function parseMapping(raw: string | undefined): Mapping {
  if (raw === undefined || raw.trim() === '') return { columns: {}, values: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw badField('mapping', 'IMPORT.INVALID_MAPPING', 'mapping must be JSON');
  }
  const { columns = {}, values = {} } = (parsed ?? {}) as { columns?: unknown; values?: unknown };
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    !isStringRecord(columns) ||
    typeof values !== 'object' ||
    values === null ||
    !Object.values(values).every(isStringRecord)
  ) {
    throw badField(
      'mapping',
      'IMPORT.INVALID_MAPPING',
      'mapping must look like {"columns":{"Sexe":"sex"},"values":{"sex":{"Dona":"F"}}}',
    );
  }
  return { columns, values: values as Record<string, Record<string, string>> };
}

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

// A period created by an import is due at the end of the March after it ends, in the city's time zone:
// the data is historical, so the deadline only records when it would have been due.
export const importDeadline = (period: PeriodCode, timezone: string): Date => {
  const lastDay = new Date(`${period.end}T00:00:00Z`);
  lastDay.setUTCDate(lastDay.getUTCDate() - 1);
  return parseDeadline(`${lastDay.getUTCFullYear() + 1}-03-31`, timezone);
};

@CommandHandler(ImportOpenSdgCommand)
export class ImportOpenSdgHandler implements ICommandHandler<ImportOpenSdgCommand, ImportReportView> {
  constructor(
    private readonly events: EventStore,
    private readonly support: SubmissionSupport,
    private readonly db: TenantDb,
  ) {}

  async execute(command: ImportOpenSdgCommand): Promise<ImportReportView> {
    const { cityId, timezone, input, file, metadata } = command;
    const dryRun = input.dryRun === 'true';
    const collector = metadata.actorRole === 'collector';
    const organisationId = submittingOrganisation(input.organisationId, metadata);
    const mapping = parseMapping(input.mapping);
    const indicator = await this.support.activeIndicator(cityId, input.indicatorId);

    const report: ImportReportView = {
      ok: false,
      dryRun,
      rows: 0,
      accepted: 0,
      skippedEmpty: 0,
      duplicates: 0,
      rejected: [],
      periodsCreated: [],
      submissions: [],
    };
    const reject = (row: number, reason: string) => report.rejected.push({ row, reason });
    // period code → series key → the accepted row
    const byPeriod = new Map<string, { period: PeriodCode; rows: Map<string, Accepted> }>();

    let header: string[] | undefined;
    let yearAt = -1;
    let dimensions: { at: number; dimension: string }[] = [];
    for await (const { row, cells } of readSheet(file.name, file.buffer)) {
      if (!header) {
        header = cells.map((c) => c.trim());
        yearAt = header.findIndex((h) => h.toLowerCase() === 'year');
        const valueAt = header.length - 1;
        if (yearAt < 0 || header[valueAt].toLowerCase() !== 'value') {
          throw badField(
            'file',
            'IMPORT.INVALID_LAYOUT',
            'An Open SDG file has a Year column and Value as the last column',
          );
        }
        dimensions = header
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
        continue;
      }
      report.rows++;
      const rawValue = (cells[header.length - 1] ?? '').trim();
      if (rawValue === '') {
        report.skippedEmpty++;
        continue;
      }
      const value = Number(rawValue);
      if (!Number.isFinite(value)) {
        reject(row, `Value "${rawValue.slice(0, 50)}" is not a number`);
        continue;
      }
      let period: PeriodCode;
      try {
        period = parsePeriodCode(cells[yearAt] ?? '');
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        reject(row, `Year: ${error.errors[0]?.message ?? error.message}`);
        continue;
      }
      const disaggregation: Record<string, string> = {};
      for (const { at, dimension } of dimensions) {
        const cell = (cells[at] ?? '').trim();
        if (cell !== '') disaggregation[dimension] = own(own(mapping.values, dimension) ?? {}, cell) ?? cell;
      }
      const observation = { disaggregation, value };
      const problem = observationProblem(indicator, observation);
      if (problem !== null) {
        reject(row, problem);
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
        reject(
          row,
          `rows ${earlier.row} and ${row} give period ${period.code}` +
            `${key ? ` and ${key}` : ' (total)'} different values (${earlier.input.value} and ${value})`,
        );
      }
    }
    if (!header) throw badField('file', 'IMPORT.EMPTY_FILE', 'The file is empty');

    // Which periods exist already, and whether this organisation has an open submission there.
    const codes = [...byPeriod.keys()];
    const existing = await this.db.inCity(cityId, (em) =>
      em.query<{ code: string; period_id: string; open: string | null }[]>(
        `SELECT c.code, c.period_id, o.submission_id AS open
           FROM period_codes c
           LEFT JOIN open_submissions o ON o.tenant_id = c.tenant_id AND o.period_id = c.period_id
            AND o.indicator_id = $3 AND o.organisation_id = $4
          WHERE c.tenant_id = $1 AND c.code = ANY($2)`,
        [cityId, codes, input.indicatorId, organisationId],
      ),
    );
    const periodIds = new Map(existing.map((e) => [e.code, e.period_id]));
    for (const e of existing) {
      if (e.open === null) continue;
      const first = Math.min(...[...(byPeriod.get(e.code)?.rows.values() ?? [])].map((a) => a.row));
      reject(
        first,
        `period ${e.code} already has an open submission (${e.open}) of this organisation for this indicator; correct it instead`,
      );
    }
    report.periodsCreated = codes.filter((code) => !periodIds.has(code));
    report.accepted = [...byPeriod.values()].reduce((n, g) => n + g.rows.size, 0);
    report.rejected.sort((a, b) => a.row - b.row);
    if (report.rejected.length > 0) {
      if (dryRun) return report;
      throw rejectedImport(report);
    }
    report.ok = true;
    if (dryRun || codes.length === 0) return report;

    // The submissions, checked as POST /submissions checks them (with the series' plausibility).
    const plans = await Promise.all(
      codes.map(async (code) => {
        const { period, rows } = byPeriod.get(code)!;
        const periodId = periodIds.get(code) ?? uuidv7();
        const created = !periodIds.has(code);
        const deadline = created
          ? importDeadline(period, timezone)
          : await this.support.deadline(cityId, periodId);
        const history = await this.support.validatedHistory(
          cityId,
          input.indicatorId,
          periodId,
          indicator.series,
        );
        const ordered = [...rows.values()].sort((a, b) => a.row - b.row);
        const observations = checkObservations(
          indicator,
          ordered.map((a) => a.input),
          history,
        );
        return { period, periodId, created, deadline, observations, submissionId: uuidv7() };
      }),
    );
    const note = `Imported from ${file.name}`.slice(0, 4000);
    report.position = await this.events.transact(cityId, async (tx) => {
      let position = 0;
      for (const plan of plans) {
        if (!plan.created) continue;
        const defined = decidePeriod(
          {
            type: 'DefinePeriod',
            periodId: plan.periodId,
            period: plan.period,
            deadline: plan.deadline,
            timezone,
          },
          initialPeriodState,
        );
        await appendPeriod(tx, cityId, plan.period.code, plan.periodId, defined, metadata);
      }
      for (const plan of plans) {
        const events = decideSubmission(
          {
            type: 'SubmitData',
            submissionId: plan.submissionId,
            indicatorId: input.indicatorId,
            periodId: plan.periodId,
            organisationId,
            observations: plan.observations,
            late: Date.now() > plan.deadline.getTime(),
            definitionVersion: indicator.definitionVersion,
            series: indicator.series,
            source: 'import',
            note,
          },
          initialSubmissionState,
        );
        const result = await appendSubmission(
          tx,
          cityId,
          {
            submissionId: plan.submissionId,
            indicatorId: input.indicatorId,
            periodId: plan.periodId,
            organisationId,
            collector,
          },
          events,
          metadata,
        );
        position = result.position;
      }
      return position;
    });
    report.submissions = plans.map((p) => ({ period: p.period.code, id: p.submissionId }));
    return report;
  }
}

const rejectedImport = (report: ImportReportView) =>
  new DomainError(
    'invalid',
    'IMPORT.REJECTED',
    `The import was rejected, nothing was written: ${report.rejected.length} row(s) refused`,
    report.rejected
      .slice(0, 100)
      .map((r: ImportRejectedRowView) => ({ field: `row ${r.row}`, message: r.reason })),
    { report },
  );
