import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CityId } from '@rl/kernel';
import {
  TimelineEntry,
  TimelineSource,
  TimelineSourceDefinition,
  TimelineWindow,
  timelineWindowSql,
} from '@rl/timeline';
import { ASSIGNMENTS_PROJECTION } from '../projections/assignments.projection';
import { PERIODS_PROJECTION } from '../projections/periods.projection';

// The city's reporting deadlines on the timeline, each with the organisations assigned work in its period
// (an organisation's timeline shows only the deadlines it has work for).
@Injectable()
@TimelineSourceDefinition()
export class PeriodDeadlinesTimeline implements TimelineSource {
  readonly kind = 'period-deadline';
  readonly projection = PERIODS_PROJECTION;
  readonly alsoWaitsFor = [ASSIGNMENTS_PROJECTION];

  async entries(em: EntityManager, cityId: CityId, window: TimelineWindow): Promise<TimelineEntry[]> {
    const range = timelineWindowSql(window, this.kind, { at: 'p.deadline', id: 'p.id' }, 3);
    const rows = await em.query<{ id: string; code: string; at: Date; organisationIds: string[] }[]>(
      `SELECT p.id, p.code, p.deadline AS at,
              coalesce(array_agg(DISTINCT a.organisation_id) FILTER (WHERE a.id IS NOT NULL), '{}') AS "organisationIds"
         FROM periods p
         LEFT JOIN assignments a ON a.tenant_id = p.tenant_id AND a.period_id = p.id
        WHERE p.tenant_id = $1 AND ${range.sql}
        GROUP BY p.id, p.code, p.deadline
       HAVING $2::uuid IS NULL OR $2::uuid = ANY(array_agg(a.organisation_id))
        ORDER BY p.deadline, p.id
        LIMIT ${Number(window.limit)}`,
      [cityId, window.organisationId ?? null, ...range.params],
    );
    return rows.map((row) => ({
      kind: this.kind,
      id: row.id,
      title: `Reporting deadline ${row.code}`,
      at: new Date(row.at),
      endsAt: null,
      status: null,
      organisationIds: row.organisationIds,
    }));
  }
}
