import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@rl/config';
import { CityId, DomainError } from '@rl/kernel';
import { CommandMetadata } from '@rl/web';
import { ClaimedImport, ImportsStore } from '../../imports/imports.store';
import { SubmissionSupport } from '../../submission-support';
import { ImportOpenSdgDto, ImportReportView } from './import-open-sdg.dto';
import { collectRows, emptyReport } from './import-rows';
import { parseMapping } from './import-mapping';
import { ImportWriter } from './import-writer';
import { readSheet, SHEET_LIMITS } from './open-sdg-rows';

// What the worker needs to run an import as its uploader would have: kept in the import's row.
export interface ImportRequest {
  input: ImportOpenSdgDto;
  timezone: string;
  organisationId: string;
  metadata: CommandMetadata;
}

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
  new DomainError('invalid', 'IMPORT.FAILED', 'The import failed repeatedly; nothing was written', [
    { field: 'file', message: 'could not be imported; try again or contact the operator' },
  ]);

// Runs one stored import: reads the file with its caps, checks every row, writes all or nothing, and
// records the outcome on the import's row (in the write's transaction when it writes).
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger('ImportRunner');

  constructor(
    private readonly store: ImportsStore,
    private readonly support: SubmissionSupport,
    private readonly writer: ImportWriter,
    private readonly config: AppConfig,
  ) {}

  // null when the import is not this run's to do (finished, or running elsewhere). `retry`: an
  // unexpected error hands the import back to the queue (worker) rather than rejecting it (request).
  async run(cityId: CityId, importId: string, options: { retry: boolean }): Promise<ImportOutcome | null> {
    const claim = await this.store.claim(cityId, importId);
    if (!claim) return null;
    if (claim.attempts > MAX_ATTEMPTS || !claim.content) return this.reject(cityId, claim, null, failed());
    const request = claim.request as unknown as ImportRequest;
    const report = emptyReport(request.input.dryRun === 'true');
    try {
      return await this.process(cityId, claim, request, report);
    } catch (error) {
      if (error instanceof ClaimLost) return null;
      if (error instanceof DomainError) {
        return this.reject(cityId, claim, error.code === 'IMPORT.REJECTED' ? report : null, error);
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
    claim: ClaimedImport,
    request: ImportRequest,
    report: ImportReportView,
  ): Promise<ImportOutcome> {
    const { input, metadata } = request;
    const mapping = parseMapping(input.mapping);
    const indicator = await this.support.activeIndicator(cityId, input.indicatorId);
    const limits = { ...SHEET_LIMITS, maxRows: this.config.imports.maxRows };
    const sheet = readSheet(claim.fileName, claim.content!, limits);
    const byPeriod = await collectRows(sheet, indicator, mapping, report, async (rows, at) => {
      if (rows % PROGRESS_EVERY === 0) {
        await this.store.progress(cityId, claim.id, claim.attempts, rows, Math.floor(at * 99));
      }
    });
    const target = {
      cityId,
      timezone: request.timezone,
      indicator,
      indicatorId: input.indicatorId,
      organisationId: request.organisationId,
      dryRun: report.dryRun,
      fileName: claim.fileName,
      metadata,
      maxNewPeriods: this.config.imports.maxNewPeriods,
    };
    const { committed } = await this.writer.write(target, report, byPeriod, async (em, written) => {
      const done = { status: 'done' as const, rowsRead: written.rows, report: written };
      if (!(await this.store.finish(em, cityId, claim, done))) throw new ClaimLost();
    });
    const status = report.ok ? 'done' : 'rejected';
    if (committed) await this.store.recordPosition(cityId, claim.id, report.position ?? 0);
    else await this.store.finishAlone(cityId, claim, { status, rowsRead: report.rows, report });
    return { status, report };
  }

  private async reject(
    cityId: CityId,
    claim: ClaimedImport,
    report: ImportReportView | null,
    error: DomainError,
  ): Promise<ImportOutcome> {
    const problem = { code: error.code, detail: error.message, errors: error.errors.slice(0, 100) };
    await this.store.finishAlone(cityId, claim, {
      status: 'rejected',
      rowsRead: report?.rows ?? 0,
      report,
      error: problem,
    });
    return { status: 'rejected', report, error };
  }
}
