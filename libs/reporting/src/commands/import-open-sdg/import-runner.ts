import { Injectable, Logger } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { AppConfig } from '@rl/config';
import { CityId, DomainError } from '@rl/kernel';
import { ImportErrors } from '../../domain/reporting.errors';
import { ClaimedImport, ImportRequest, ImportsStore } from '../../imports/imports.store';
import { ReportingLedger } from '../../persistence/reporting-ledger';
import { SubmissionReferences } from '../../persistence/submission-references.repository';
import { ActiveIndicator, SubmissionChecks } from '../../submissions/submission-writes';
import { ImportReportView } from './import-open-sdg.dto';
import { appendImport } from './import-append';
import { parseMapping } from './import-mapping';
import { collectRows, emptyReport, RowsByPeriod } from './import-parse';
import { admitImport, importDeadline, PlannedSubmission, planSubmission } from './import-plan';
import { readSheet, SHEET_LIMITS } from './open-sdg-rows';

// A dry run that found refused rows is `rejected` with its report and no error.
export interface ImportOutcome {
  status: 'done' | 'rejected';
  report: ImportReportView | null;
  error?: DomainError;
}

// An import claimed by this run was taken over by another worker (this one went silent too long).
class ClaimLost extends Error {}

const MAX_ATTEMPTS = 3;
const PROGRESS_EVERY = 5_000;

const failed = () =>
  ImportErrors.FAILED({
    errors: [{ field: 'file', message: 'could not be imported; try again or contact the operator' }],
  });

// Runs one stored import through its stages: parse the file (with its caps) to rows, plan against the
// city's periods and series, append all or nothing; and records the outcome on the import's row (in the
// append's transaction when it writes).
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger('ImportRunner');

  constructor(
    private readonly store: ImportsStore,
    private readonly checks: SubmissionChecks,
    private readonly references: SubmissionReferences,
    private readonly ledger: ReportingLedger,
    private readonly config: AppConfig,
  ) {}

  // null when the import is not this run's to do (finished, or running elsewhere). `retry`: an
  // unexpected error hands the import back to the queue (worker) rather than rejecting it (request).
  async run(cityId: CityId, importId: string, options: { retry: boolean }): Promise<ImportOutcome | null> {
    const claim = await this.store.claim(cityId, importId);
    if (!claim) return null;
    if (claim.attempts > MAX_ATTEMPTS || !claim.content) return this.reject(cityId, claim, null, failed());
    const report = emptyReport(claim.request.input.dryRun === 'true');
    try {
      return await this.process(cityId, { ...claim, content: claim.content }, report);
    } catch (error) {
      if (error instanceof ClaimLost) return null;
      if (error instanceof DomainError) {
        return this.reject(cityId, claim, error.code === ImportErrors.REJECTED.code ? report : null, error);
      }
      if (options.retry && claim.attempts < MAX_ATTEMPTS) {
        await this.store.release(cityId, claim);
      } else {
        this.logger.error({ err: error, cityId, importId }, 'Import failed');
        await this.reject(cityId, claim, null, failed());
      }
      throw error;
    }
  }

  private async process(
    cityId: CityId,
    claim: ClaimedImport & { content: Buffer },
    report: ImportReportView,
  ): Promise<ImportOutcome> {
    const { request } = claim;
    const { input } = request;
    const mapping = parseMapping(input.mapping);
    const indicator = await this.checks.activeIndicator(cityId, input.indicatorId);
    const limits = { ...SHEET_LIMITS, maxRows: this.config.imports.maxRows };
    const sheet = readSheet(claim.fileName, claim.content, limits);
    const byPeriod = await collectRows(sheet, indicator, mapping, report, async (rows, at) => {
      if (rows % PROGRESS_EVERY === 0) {
        await this.store.progress(cityId, claim.id, claim.attempts, rows, Math.floor(at * 99));
      }
    });
    const committed = await this.planAndAppend(cityId, claim, request, indicator, byPeriod, report);
    const status = report.ok ? 'done' : 'rejected';
    if (committed) await this.store.recordPosition(cityId, claim.id, report.position ?? 0);
    else await this.store.finish(cityId, claim, { status, rowsRead: report.rows, report });
    return { status, report };
  }

  // True when it wrote (and recorded the outcome with the events).
  private async planAndAppend(
    cityId: CityId,
    claim: ClaimedImport,
    request: ImportRequest,
    indicator: ActiveIndicator,
    byPeriod: RowsByPeriod,
    report: ImportReportView,
  ): Promise<boolean> {
    const { input, organisationId, metadata } = request;
    const { indicatorId } = input;
    const known = await this.references.knownPeriods(cityId, [...byPeriod.keys()], {
      indicatorId,
      organisationId,
    });
    const options = { dryRun: report.dryRun, maxNewPeriods: this.config.imports.maxNewPeriods };
    if (!admitImport(report, byPeriod, known, options)) return false;
    const periodIds = new Map(known.map((k) => [k.code, k.periodId]));
    const plans: PlannedSubmission[] = [];
    // One period after the other: in parallel they would take the whole connection pool from other cities.
    for (const rows of byPeriod.values()) {
      const existing = periodIds.get(rows.period.code);
      const periodId = existing ?? uuidv7();
      const deadline = existing
        ? await this.checks.deadline(cityId, existing)
        : importDeadline(rows.period, request.timezone);
      const history = await this.checks.history(cityId, indicator, { indicatorId, periodId });
      const at = { periodId, created: !existing, deadline, history, now: new Date() };
      plans.push(planSubmission(rows, indicator, at, uuidv7()));
    }
    report.submissions = plans.map((p) => ({ period: p.period.code, id: p.submissionId }));
    const target = { cityId, timezone: request.timezone, indicator, indicatorId, organisationId };
    report.position = await appendImport(
      this.ledger,
      { ...target, fileName: claim.fileName, metadata },
      plans,
      async (tx) => {
        const done = { status: 'done' as const, rowsRead: report.rows, report };
        if (!(await tx.finishImport(claim, done))) throw new ClaimLost();
      },
    );
    return true;
  }

  private async reject(
    cityId: CityId,
    claim: ClaimedImport,
    report: ImportReportView | null,
    error: DomainError,
  ): Promise<ImportOutcome> {
    const problem = { code: error.code, detail: error.message, errors: error.errors.slice(0, 100) };
    await this.store.finish(cityId, claim, {
      status: 'rejected',
      rowsRead: report?.rows ?? 0,
      report,
      error: problem,
    });
    return { status: 'rejected', report, error };
  }
}
