import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { keysetCondition, TenantDb } from '@rl/persistence';
import { ProjectionWaiter } from '@rl/projections';
import { AssignmentStatus } from '../../domain/assignment.events';
import { ASSIGNMENTS_PROJECTION } from '../../projections/assignments.projection';
import { AssignmentView } from '../../reporting.view';
import { ListAssignmentsQuery } from './list-assignments.query';

interface Row {
  id: string;
  indicatorId: string;
  organisationId: string;
  periodId: string;
  periodCode: string | null;
  deadline: Date | null;
  status: AssignmentStatus;
  version: number;
  createdAt: Date;
}

const START_KEY = `COALESCE(p.start, '9999-12-31'::date)`;

// Active assignments, with their period's code and current deadline from the periods read model. Only
// the assignments projection is awaited: the periods checkpoint moves only on period events, and a
// period is always recorded before any assignment to it.
@QueryHandler(ListAssignmentsQuery)
export class ListAssignmentsHandler implements IQueryHandler<ListAssignmentsQuery, Page<AssignmentView>> {
  constructor(
    private readonly db: TenantDb,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, filter, page }: ListAssignmentsQuery): Promise<Page<AssignmentView>> {
    const after = cursorOf(page, ['date', 'uuid']);
    await this.waiter.waitFor(cityId, ASSIGNMENTS_PROJECTION, filter.minPosition);
    // By period start, then id (UUIDv7: creation order); a period missing from its read model sorts last.
    const params: unknown[] = [
      cityId,
      filter.periodId ?? null,
      filter.organisationId ?? null,
      filter.indicatorId ?? null,
    ];
    const keyset = keysetCondition([START_KEY, 'a.id'], after, params);
    params.push(page.limit + 1);
    const rows = await this.db.inCity(cityId, (em) =>
      em.query<(Row & { startKey: string })[]>(
        `SELECT a.id, a.indicator_id AS "indicatorId", a.organisation_id AS "organisationId",
                a.period_id AS "periodId", p.code AS "periodCode", p.deadline, a.status, a.version,
                a.created_at AS "createdAt", ${START_KEY}::text AS "startKey"
           FROM assignments a
           LEFT JOIN periods p ON p.tenant_id = a.tenant_id AND p.id = a.period_id
          WHERE a.tenant_id = $1 AND a.status = 'active'
            AND ($2::uuid IS NULL OR a.period_id = $2)
            AND ($3::uuid IS NULL OR a.organisation_id = $3)
            AND ($4::uuid IS NULL OR a.indicator_id = $4)
            AND ${keyset}
          ORDER BY ${START_KEY}, a.id
          LIMIT $${params.length}`,
        params,
      ),
    );
    return pageOf(
      rows,
      page.limit,
      (row) => [row.startKey, row.id],
      ({ startKey: _, ...row }) => ({
        ...row,
        deadline: row.deadline ? row.deadline.toISOString() : null,
        createdAt: row.createdAt.toISOString(),
      }),
    );
  }
}
