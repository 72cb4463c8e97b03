import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { EventStore } from '@rl/event-store';
import { CityId, DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { CommandMetadata } from '@rl/web';
import { parseDeadline } from '../../domain/deadline';
import { checkObservations } from '../../domain/observation-checks';
import { PeriodCode } from '../../domain/period-code';
import { decidePeriod, initialPeriodState } from '../../domain/period.decider';
import { decideSubmission, initialSubmissionState } from '../../domain/submission.decider';
import { ActiveIndicator, SubmissionSupport } from '../../submission-support';
import { appendPeriod } from '../define-period/define-period.handler';
import { appendSubmission } from '../submit-data/submit-data.handler';
import { ImportReportView } from './import-open-sdg.dto';
import { rejectRow, RowsByPeriod, trimRejections } from './import-rows';

// A period created by an import is due at the end of the March after it ends, in the city's time zone:
// the data is historical, so the deadline only records when it would have been due.
export const importDeadline = (period: PeriodCode, timezone: string): Date => {
  const lastDay = new Date(`${period.end}T00:00:00Z`);
  lastDay.setUTCDate(lastDay.getUTCDate() - 1);
  return parseDeadline(`${lastDay.getUTCFullYear() + 1}-03-31`, timezone);
};

export const rejectedImport = (report: ImportReportView) =>
  new DomainError(
    'invalid',
    'IMPORT.REJECTED',
    `The import was rejected, nothing was written: ${report.rejectedCount} row(s) refused`,
    report.rejected.slice(0, 100).map((r) => ({ field: `row ${r.row}`, message: r.reason })),
    { report },
  );

export interface ImportTarget {
  cityId: CityId;
  timezone: string;
  indicator: ActiveIndicator;
  indicatorId: string;
  organisationId: string;
  dryRun: boolean;
  fileName: string;
  metadata: CommandMetadata;
  maxNewPeriods: number;
}

// The checks that need the database (existing periods, open submissions, the period cap) and then the
// all-or-nothing write: one transaction with every period and submission. `finish` runs first in that
// transaction (so the import's own row commits with the events); `committed` says whether it ran.
@Injectable()
export class ImportWriter {
  constructor(
    private readonly events: EventStore,
    private readonly support: SubmissionSupport,
    private readonly db: TenantDb,
  ) {}

  async write(
    target: ImportTarget,
    report: ImportReportView,
    byPeriod: RowsByPeriod,
    finish: (em: EntityManager, report: ImportReportView) => Promise<void>,
  ): Promise<{ report: ImportReportView; committed: boolean }> {
    const { cityId, indicatorId, organisationId } = target;
    const codes = [...byPeriod.keys()];
    const existing = await this.db.inCity(cityId, (em) =>
      em.query<{ code: string; period_id: string; open: string | null }[]>(
        `SELECT c.code, c.period_id, o.submission_id AS open
           FROM period_codes c
           LEFT JOIN open_submissions o ON o.tenant_id = c.tenant_id AND o.period_id = c.period_id
            AND o.indicator_id = $3 AND o.organisation_id = $4
          WHERE c.tenant_id = $1 AND c.code = ANY($2)`,
        [cityId, codes, indicatorId, organisationId],
      ),
    );
    const periodIds = new Map(existing.map((e) => [e.code, e.period_id]));
    for (const e of existing) {
      if (e.open === null) continue;
      const first = Math.min(...[...(byPeriod.get(e.code)?.rows.values() ?? [])].map((a) => a.row));
      rejectRow(
        report,
        first,
        `period ${e.code} already has an open submission (${e.open}) of this organisation for this indicator; correct it instead`,
      );
    }
    report.periodsCreated = codes.filter((code) => !periodIds.has(code));
    if (report.periodsCreated.length > target.maxNewPeriods) {
      const message = `would create ${report.periodsCreated.length} periods (at most ${target.maxNewPeriods} per import)`;
      throw new DomainError('invalid', 'IMPORT.TOO_MANY_PERIODS', `The import is refused: it ${message}`, [
        { field: 'file', message },
      ]);
    }
    report.accepted = [...byPeriod.values()].reduce((n, g) => n + g.rows.size, 0);
    trimRejections(report);
    if (report.rejectedCount > 0) {
      if (target.dryRun) return { report, committed: false };
      throw rejectedImport(report);
    }
    report.ok = true;
    if (target.dryRun || codes.length === 0) return { report, committed: false };
    const plans = await this.plan(target, byPeriod, periodIds);
    report.submissions = plans.map((p) => ({ period: p.period.code, id: p.submissionId }));
    report.position = await this.events.transact(cityId, async (tx) => {
      await finish(tx.em, report);
      let position = 0;
      for (const plan of plans.filter((p) => p.created)) {
        const defined = decidePeriod(
          {
            type: 'DefinePeriod',
            periodId: plan.periodId,
            period: plan.period,
            deadline: plan.deadline,
            timezone: target.timezone,
          },
          initialPeriodState,
        );
        await appendPeriod(tx, cityId, plan.period.code, plan.periodId, defined, target.metadata);
      }
      const note = `Imported from ${target.fileName}`.slice(0, 4000);
      for (const plan of plans) {
        const events = decideSubmission(
          {
            type: 'SubmitData',
            submissionId: plan.submissionId,
            indicatorId,
            periodId: plan.periodId,
            organisationId,
            observations: plan.observations,
            late: Date.now() > plan.deadline.getTime(),
            definitionVersion: target.indicator.definitionVersion,
            series: target.indicator.series,
            source: 'import',
            note,
          },
          initialSubmissionState,
        );
        const key = { submissionId: plan.submissionId, indicatorId, periodId: plan.periodId, organisationId };
        const collector = target.metadata.actorRole === 'collector';
        position = (await appendSubmission(tx, cityId, { ...key, collector }, events, target.metadata))
          .position;
      }
      return position;
    });
    return { report, committed: true };
  }

  // The submissions, checked as POST /submissions checks them (with the series' plausibility). One
  // period after the other: in parallel they would take the whole connection pool from other cities.
  private async plan(target: ImportTarget, byPeriod: RowsByPeriod, periodIds: Map<string, string>) {
    const { cityId, indicator, indicatorId } = target;
    const plans = [];
    for (const { period, rows } of byPeriod.values()) {
      const periodId = periodIds.get(period.code) ?? uuidv7();
      const created = !periodIds.has(period.code);
      const deadline = created
        ? importDeadline(period, target.timezone)
        : await this.support.deadline(cityId, periodId);
      const history = await this.support.validatedHistory(cityId, indicatorId, periodId, indicator.series);
      const ordered = [...rows.values()].sort((a, b) => a.row - b.row);
      const observations = checkObservations(
        indicator,
        ordered.map((a) => a.input),
        history,
      );
      plans.push({ period, periodId, created, deadline, observations, submissionId: uuidv7() });
    }
    return plans;
  }
}
