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
import { MEETINGS_PROJECTION } from './projections/meetings.projection';

// Meetings on the city's timeline at their start, cancelled ones too (status says so). A meeting
// concerns its invited and attending organisations; one with neither concerns the whole city.
@Injectable()
@TimelineSourceDefinition()
export class MeetingTimelineSource implements TimelineSource {
  readonly kind = 'meeting';
  readonly projection = MEETINGS_PROJECTION;

  entries(em: EntityManager, cityId: CityId, window: TimelineWindow): Promise<TimelineEntry[]> {
    const params: unknown[] = [cityId, window.organisationId ?? null];
    const range = timelineWindowSql(window, this.kind, { at: 'm.starts_at', id: 'm.id' }, params.length + 1);
    params.push(...range.params, window.limit);
    return em.query<TimelineEntry[]>(
      `SELECT 'meeting' AS kind, m.id, m.title, m.starts_at AS at, m.ends_at AS "endsAt", m.status,
              ARRAY(SELECT jsonb_array_elements_text(m.organisation_ids)) AS "organisationIds"
         FROM meetings m
        WHERE m.tenant_id = $1 AND ${range.sql}
          AND ($2::text IS NULL OR m.organisation_ids = '[]'::jsonb OR m.organisation_ids ? $2::text)
        ORDER BY m.starts_at, m.id LIMIT $${params.length}`,
      params,
    );
  }
}
