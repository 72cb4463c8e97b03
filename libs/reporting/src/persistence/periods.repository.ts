import { Injectable } from '@nestjs/common';
import { CityId, CursorKey } from '@rl/kernel';
import { keysetPage, TenantDb } from '@rl/persistence';
import { PeriodRecord } from '../projections/period.entity';

// An organisation's counts in a period's completeness read model.
export interface CompletenessRow {
  organisationId: string;
  name: string | null;
  assigned: number;
  submitted: number;
  validated: number;
  returned: number;
  unsubmitted: number;
}

// The periods read model and the completeness counts by period, as queries read them.
export abstract class PeriodsReadModel {
  abstract byId(cityId: CityId, id: string): Promise<PeriodRecord | null>;
  // By start, end, then id, after the keyset cursor.
  abstract page(cityId: CityId, after: CursorKey | undefined, limit: number): Promise<PeriodRecord[]>;
  // The period and, by organisation name, what is assigned or submitted in it; null: no such period.
  abstract completeness(
    cityId: CityId,
    periodId: string,
  ): Promise<{ period: PeriodRecord; rows: CompletenessRow[] } | null>;
}

@Injectable()
export class PgPeriodsReadModel extends PeriodsReadModel {
  constructor(private readonly db: TenantDb) {
    super();
  }

  byId(cityId: CityId, id: string): Promise<PeriodRecord | null> {
    return this.db.inCity(cityId, (em) => em.findOneBy(PeriodRecord, { tenantId: cityId, id }));
  }

  // The index IDX_periods_start serves the keyset.
  page(cityId: CityId, after: CursorKey | undefined, limit: number): Promise<PeriodRecord[]> {
    return this.db.inCity(cityId, (em) =>
      keysetPage(
        em.createQueryBuilder(PeriodRecord, 'p'),
        ['p.start', 'p.end', 'p.id'],
        after,
        limit,
      ).getMany(),
    );
  }

  // One transaction, so that the counts belong to the period read.
  completeness(cityId: CityId, periodId: string) {
    return this.db.inCity(cityId, async (em) => {
      const period = await em.findOneBy(PeriodRecord, { tenantId: cityId, id: periodId });
      if (!period) return null;
      // Counts only what is assigned, or submitted without an assignment (officials may do so).
      const rows = await em.query<CompletenessRow[]>(
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
      return { period, rows };
    });
  }
}
