import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { Projection, ProjectionDefinition } from '@rl/projections';
import { SubmissionEvent } from '@rl/reporting';
import { Erratum, errataOf, Revalidation } from '../content/errata';
import { ReportContent } from '../domain/report-content';
import { REPORT_EVENT_TYPES, ReportEvent } from '../domain/report.events';

export const REPORTS_PROJECTION = 'reports';

type Validated = Extract<SubmissionEvent, { type: 'SubmissionValidated' }>;
type Handled = ReportEvent | Validated;

// Each cell group of the report a later validation may correct.
export const usedKeys = (content: ReportContent): string[] =>
  (content.rights ?? []).flatMap((r) =>
    r.indicators.flatMap((i) =>
      [...new Set(i.cells.map((c) => c.period))].flatMap((period) =>
        content.periods.filter((p) => p.code === period).map((p) => `${i.id}/${p.id}`),
      ),
    ),
  );

// A new validation replaces every value of its indicator and period (as the open-data series does).
const revalidation = (event: RecordedEvent<Validated>): Revalidation => ({
  indicatorId: event.data.indicatorId,
  periodId: event.data.periodId,
  observations: event.data.observations,
  correctedAt: event.recordedAt.toISOString(),
  reason: `Superseded by validated submission ${event.data.submissionId}`,
});

// The reports and their errata. A validation after a report's position that changes values it showed
// adds errata rows; so does one that came between the pinned position and the generation event.
@Injectable()
@ProjectionDefinition()
export class ReportsProjection implements Projection {
  readonly name = REPORTS_PROJECTION;
  readonly handles = [...REPORT_EVENT_TYPES, 'SubmissionValidated'];
  readonly tables = ['reports', 'report_errata'];

  async apply(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    for (const recorded of events) {
      const event = recorded as RecordedEvent<Handled>;
      const at = { version: event.version, updatedAt: event.recordedAt };
      switch (event.type) {
        case 'ReportRequested': {
          const { reportId, year, title, sections, requestedBy } = event.data;
          await em.query(
            `INSERT INTO reports (tenant_id, id, version, created_at, updated_at, year, title, sections, requested_by,
                                  status, used, published)
             VALUES ($1, $2, $3, $4, $4, $5, $6, $7, $8, 'queued', '[]', false)
             ON CONFLICT (tenant_id, id) DO NOTHING`,
            [cityId, reportId, at.version, at.updatedAt, year, title, JSON.stringify(sections), requestedBy],
          );
          break;
        }
        case 'ReportGenerated': {
          const d = event.data;
          await this.update(em, cityId, d.reportId, at, {
            status: 'done',
            position: d.position,
            head_hash: d.headHash,
            checkpoint: d.checkpoint && JSON.stringify(d.checkpoint),
            content_hash: d.contentHash,
            generated_at: d.generatedAt,
            content: JSON.stringify(d.content),
            used: JSON.stringify(usedKeys(d.content)),
          });
          await this.catchUpErrata(em, cityId, d.reportId, d.content, d.position, event.position);
          break;
        }
        case 'ReportFailed':
          await this.update(em, cityId, event.data.reportId, at, {
            status: 'failed',
            error: event.data.reason,
          });
          break;
        case 'ReportPublished':
          await this.update(em, cityId, event.data.reportId, at, { published: true });
          break;
        case 'SubmissionValidated': {
          const r = revalidation(event);
          const reports = await em.query<{ id: string; content: ReportContent }[]>(
            `SELECT id, content FROM reports
              WHERE tenant_id = $1 AND status = 'done' AND position < $2 AND used ? $3`,
            [cityId, event.position, `${r.indicatorId}/${r.periodId}`],
          );
          for (const report of reports)
            await insertErrata(em, cityId, report.id, event.position, errataOf(report.content, r));
          break;
        }
      }
    }
  }

  private async update(
    em: EntityManager,
    cityId: CityId,
    reportId: string,
    at: { version: number; updatedAt: Date },
    columns: Record<string, unknown>,
  ): Promise<void> {
    const names = Object.keys(columns);
    await em.query(
      `UPDATE reports SET version = $3, updated_at = $4, ${names.map((n, i) => `"${n}" = $${i + 5}`).join(', ')}
        WHERE tenant_id = $1 AND id = $2 AND version < $3`,
      [cityId, reportId, at.version, at.updatedAt, ...Object.values(columns)],
    );
  }

  // Validations between the pinned position and the generation event, which this projection saw before
  // it knew the report.
  private async catchUpErrata(
    em: EntityManager,
    cityId: CityId,
    reportId: string,
    content: ReportContent,
    pinned: number,
    generated: number,
  ): Promise<void> {
    const between = await em.query<{ position: string; recorded_at: Date; data: Validated['data'] }[]>(
      `SELECT position, recorded_at, data FROM events
        WHERE tenant_id = $1 AND type = 'SubmissionValidated' AND position > $2 AND position < $3
        ORDER BY position`,
      [cityId, pinned, generated],
    );
    for (const row of between) {
      const event = {
        type: 'SubmissionValidated',
        data: row.data,
        recordedAt: row.recorded_at,
      } as RecordedEvent<Validated>;
      await insertErrata(em, cityId, reportId, Number(row.position), errataOf(content, revalidation(event)));
    }
  }
}

async function insertErrata(
  em: EntityManager,
  cityId: CityId,
  reportId: string,
  position: number,
  errata: Erratum[],
): Promise<void> {
  for (const e of errata)
    await em.query(
      `INSERT INTO report_errata (tenant_id, report_id, position, indicator_code, period, key, disaggregation,
                                  old_value, new_value, corrected_at, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING`,
      [
        cityId,
        reportId,
        position,
        e.indicatorCode,
        e.period,
        e.key,
        JSON.stringify(e.disaggregation),
        e.oldValue,
        e.newValue,
        e.correctedAt,
        e.reason,
      ],
    );
}
