import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { MANDATES_PROJECTION, MandatesReadModel } from '@rl/mandates';
import { ProjectionWaiter } from '@rl/projections';
import { PeriodErrors } from '../../domain/reporting.errors';
import { PeriodsReadModel } from '../../persistence/periods.repository';
import { COMPLETENESS_PROJECTION } from '../../projections/completeness.projection';
import { CompletenessCounts, CompletenessView } from '../../reporting.view';
import { PeriodCompletenessQuery } from './period-completeness.query';

@QueryHandler(PeriodCompletenessQuery)
export class PeriodCompletenessHandler implements IQueryHandler<PeriodCompletenessQuery, CompletenessView> {
  constructor(
    private readonly periods: PeriodsReadModel,
    private readonly waiter: ProjectionWaiter,
    private readonly mandates: MandatesReadModel,
  ) {}

  async execute({ cityId, periodId, minPosition }: PeriodCompletenessQuery): Promise<CompletenessView> {
    // The periods checkpoint only moves with period events, so a later position is waited for here alone.
    await this.waiter.waitFor(cityId, COMPLETENESS_PROJECTION, minPosition);
    await this.waiter.waitFor(cityId, MANDATES_PROJECTION, minPosition);
    const found = await this.periods.completeness(cityId, periodId);
    if (!found) throw PeriodErrors.NOT_FOUND();
    const { period, rows } = found;
    const now = new Date();
    const pastDeadline = now.getTime() > period.deadline.getTime();
    // Who holds a valid mandate today: a collector without one still works, the report shows it.
    const mandates = await this.mandates.counts(
      cityId,
      rows.map((r) => r.organisationId),
      now,
    );
    const organisations = rows.map((r) => ({
      organisationId: r.organisationId,
      name: r.name ?? '',
      assigned: r.assigned,
      submitted: r.submitted,
      validated: r.validated,
      returned: r.returned,
      overdue: pastDeadline ? r.unsubmitted : 0,
      mandate: mandates.get(r.organisationId) ?? { validHolders: 0, collectorsWithoutMandate: 0 },
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
  }
}
