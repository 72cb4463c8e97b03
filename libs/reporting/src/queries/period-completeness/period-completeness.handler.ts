import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TenantDb } from '@rl/persistence';
import { ProjectionWaiter } from '@rl/projections';
import { PeriodErrors } from '../../domain/reporting.errors';
import { COMPLETENESS_PROJECTION } from '../../projections/completeness.projection';
import { PeriodRecord } from '../../projections/period.entity';
import { CompletenessCounts, CompletenessView } from '../../reporting.view';
import { PeriodCompletenessQuery } from './period-completeness.query';

interface CountRow {
  organisationId: string;
  name: string | null;
  assigned: number;
  submitted: number;
  validated: number;
  returned: number;
  unsubmitted: number;
}

@QueryHandler(PeriodCompletenessQuery)
export class PeriodCompletenessHandler implements IQueryHandler<PeriodCompletenessQuery, CompletenessView> {
  constructor(
    private readonly db: TenantDb,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, periodId, minPosition }: PeriodCompletenessQuery): Promise<CompletenessView> {
    // The periods checkpoint only moves with period events, so a later position is waited for here alone.
    await this.waiter.waitFor(cityId, COMPLETENESS_PROJECTION, minPosition);
    return this.db.inCity(cityId, async (em) => {
      const period = await em.findOneBy(PeriodRecord, { tenantId: cityId, id: periodId });
      if (!period) throw PeriodErrors.NOT_FOUND();
      // Counts only what is assigned, or submitted without an assignment (officials may do so).
      const rows = await em.query<CountRow[]>(
        `SELECT c.organisation_id AS "organisationId", o.name,
                count(*) FILTER (WHERE c.assigned)::int AS assigned,
                count(*) FILTER (WHERE c.submitted)::int AS submitted,
                count(*) FILTER (WHERE c.validated)::int AS validated,
                count(*) FILTER (WHERE c.returned)::int AS returned,
                count(*) FILTER (WHERE c.assigned AND NOT c.submitted)::int AS unsubmitted
           FROM completeness c
           LEFT JOIN organisations o ON o.tenant_id = c.tenant_id AND o.id = c.organisation_id
          WHERE c.tenant_id = $1 AND c.period_id = $2 AND (c.assigned OR c.submitted)
          GROUP BY c.organisation_id, o.name
          ORDER BY o.name, c.organisation_id`,
        [cityId, periodId],
      );
      const pastDeadline = Date.now() > period.deadline.getTime();
      const organisations = rows.map((r) => ({
        organisationId: r.organisationId,
        name: r.name ?? '',
        assigned: r.assigned,
        submitted: r.submitted,
        validated: r.validated,
        returned: r.returned,
        overdue: pastDeadline ? r.unsubmitted : 0,
      }));
      const totals: CompletenessCounts = { assigned: 0, submitted: 0, validated: 0, returned: 0, overdue: 0 };
      for (const o of organisations) {
        totals.assigned += o.assigned;
        totals.submitted += o.submitted;
        totals.validated += o.validated;
        totals.returned += o.returned;
        totals.overdue += o.overdue;
      }
      return {
        period: { id: period.id, code: period.code, deadline: period.deadline.toISOString() },
        totals,
        organisations,
      };
    });
  }
}
