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
import { TASKS_PROJECTION } from '../projections/tasks.projection';

// Task dues on the city's timeline: every task but a cancelled one, with its status; a task concerns its
// assignee organisation, or the whole city when it has none. IDX_tasks_due serves the window.
@Injectable()
@TimelineSourceDefinition()
export class TaskDueTimelineSource implements TimelineSource {
  readonly kind = 'task-due';
  readonly projection = TASKS_PROJECTION;

  async entries(em: EntityManager, cityId: CityId, window: TimelineWindow): Promise<TimelineEntry[]> {
    const params: unknown[] = [cityId];
    const conditions = ['t.tenant_id = $1', "t.status <> 'cancelled'"];
    if (window.organisationId) {
      params.push(window.organisationId);
      conditions.push(`(t.assignee_organisation_id = $2 OR t.assignee_organisation_id IS NULL)`);
    }
    const range = timelineWindowSql(window, this.kind, { at: 't.due', id: 't.id' }, params.length + 1);
    params.push(...range.params, window.limit);
    const rows = await em.query<
      { id: string; title: string; at: Date; status: string; organisationId: string | null }[]
    >(
      `SELECT t.id, t.title, t.due AS at, t.status, t.assignee_organisation_id AS "organisationId"
         FROM tasks t WHERE ${conditions.join(' AND ')} AND ${range.sql}
        ORDER BY t.due, t.id LIMIT $${params.length}`,
      params,
    );
    return rows.map(({ organisationId, at, ...row }) => ({
      kind: this.kind,
      ...row,
      at: new Date(at),
      endsAt: null,
      organisationIds: organisationId ? [organisationId] : [],
    }));
  }
}
