import { Injectable } from '@nestjs/common';
import { CityId, cursorOf, Page, PageRequest, pageOf } from '@rl/kernel';
import { CityErrors } from '@rl/tenancy';
import { contentHashOf, ReportContent } from '../domain/report-content';
import { ReportErrors } from '../domain/report.errors';
import { ReportJobs } from '../generation/report-jobs';
import { ReportsRepository, ReportWithErrata } from '../persistence/reports.repository';
import { renderReportHtml } from '../render/report-html';
import { renderReportPdf } from '../render/report-pdf';
import { ReportSummaryView, ReportView } from '../report.view';

// Where a report is read from: a member's city, or the public (published reports only).
export type ReportScope = { cityId: CityId } | { citySlug: string };

// Reads a report, its errata and its renderings. HTML and PDF are rendered from the stored content on
// demand, after checking the content still hashes to the recorded hash.
@Injectable()
export class ReportsReader {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly jobs: ReportJobs,
  ) {}

  async view(scope: ReportScope, id: string): Promise<ReportView> {
    const report = await this.find(scope, id);
    let status = report.status;
    let progress = report.status === 'queued' ? 0 : 100;
    if (report.status === 'queued' && 'cityId' in scope) {
      const running = await this.jobs.progress(id);
      if (running === null) await this.jobs.wake(scope.cityId, id);
      else [status, progress] = ['running', running];
    }
    return {
      id: report.id,
      year: report.year,
      title: report.title,
      sections: report.sections,
      status,
      progress,
      position: report.position === null ? null : Number(report.position),
      headHash: report.headHash,
      checkpoint: report.checkpoint,
      contentHash: report.contentHash,
      generatedAt: report.generatedAt && new Date(report.generatedAt).toISOString(),
      published: report.published,
      error: report.error,
      errata: report.errata,
      version: report.version,
    };
  }

  // A member's list has every report of the city; anyone else's the published ones.
  async list(scope: ReportScope, page: PageRequest): Promise<Page<ReportSummaryView>> {
    const after = cursorOf(page, ['uuid'])?.[0] as string | undefined;
    const rows =
      'cityId' in scope
        ? await this.reports.list(scope.cityId, after, page.limit)
        : await this.reports.publishedList(scope.citySlug, after, page.limit);
    if (!rows) throw CityErrors.NOT_FOUND();
    return pageOf(
      rows,
      page.limit,
      (row) => [row.id],
      (row) => ({
        ...row,
        position: row.position === null ? null : Number(row.position),
        generatedAt: row.generatedAt && new Date(row.generatedAt).toISOString(),
      }),
    );
  }

  async html(scope: ReportScope, id: string): Promise<string> {
    const { report, content, contentHash } = await this.generated(scope, id);
    return renderReportHtml(content, contentHash, report.errata, report.commentBodies);
  }

  async pdf(scope: ReportScope, id: string): Promise<Buffer> {
    const { report, content, contentHash } = await this.generated(scope, id);
    return renderReportPdf(content, contentHash, report.errata, report.commentBodies);
  }

  private async find(scope: ReportScope, id: string): Promise<ReportWithErrata> {
    const report =
      'cityId' in scope
        ? await this.reports.ofCity(scope.cityId, id)
        : await this.reports.published(scope.citySlug, id);
    if (!report) throw ReportErrors.NOT_FOUND();
    return report;
  }

  private async generated(
    scope: ReportScope,
    id: string,
  ): Promise<{ report: ReportWithErrata; content: ReportContent; contentHash: string }> {
    const report = await this.find(scope, id);
    if (report.status !== 'done' || !report.content || !report.contentHash)
      throw ReportErrors.NOT_GENERATED();
    // The stored content is what the log recorded; a mismatch means it was altered outside the log.
    if (contentHashOf(report.content) !== report.contentHash)
      throw new Error(`Report ${id}: stored content does not match its content hash`);
    return { report, content: report.content, contentHash: report.contentHash };
  }
}
