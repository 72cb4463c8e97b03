import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { Projection, ProjectionDefinition } from '@rl/projections';
import { assignmentDecider, AssignmentState } from '../domain/assignment.decider';
import { ASSIGNMENT_EVENT_TYPES, AssignmentEvent, AssignmentStatus } from '../domain/assignment.events';

interface Row {
  id: string;
  indicatorId: string;
  organisationId: string;
  periodId: string;
  status: AssignmentStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const ASSIGNMENTS_PROJECTION = 'assignments';

// Folds a batch per assignment in memory and writes each touched row once.
@Injectable()
@ProjectionDefinition()
export class AssignmentsProjection implements Projection {
  readonly name = ASSIGNMENTS_PROJECTION;
  readonly handles = ASSIGNMENT_EVENT_TYPES;
  readonly tables = ['assignments'];

  async apply(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    const ids = [...new Set(events.map((e) => (e.data as AssignmentEvent['data']).assignmentId))];
    const existing = await em.query<Row[]>(
      `SELECT id, indicator_id AS "indicatorId", organisation_id AS "organisationId", period_id AS "periodId",
              status, version, created_at AS "createdAt", updated_at AS "updatedAt"
         FROM assignments WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [cityId, ids],
    );
    const rows = new Map<string, Row>(existing.map((row) => [row.id, row]));
    const changed = new Set<string>();
    for (const event of events) {
      const id = (event.data as AssignmentEvent['data']).assignmentId;
      const row = rows.get(id);
      if (row && event.version <= row.version) continue;
      const before: AssignmentState = row
        ? {
            exists: true,
            assignmentId: id,
            indicatorId: row.indicatorId,
            organisationId: row.organisationId,
            periodId: row.periodId,
            status: row.status,
          }
        : assignmentDecider.initialState();
      const after = assignmentDecider.evolve(before, event as unknown as AssignmentEvent);
      if (!after.exists) continue;
      changed.add(id);
      rows.set(id, {
        id,
        indicatorId: after.indicatorId,
        organisationId: after.organisationId,
        periodId: after.periodId,
        status: after.status,
        version: event.version,
        createdAt: row?.createdAt ?? event.recordedAt,
        updatedAt: event.recordedAt,
      });
    }
    if (changed.size === 0) return;
    const written = [...changed].map((id) => rows.get(id) as Row);
    await em.query(
      `INSERT INTO assignments (tenant_id, id, indicator_id, organisation_id, period_id, status, version, created_at, updated_at)
       SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::assignment_status[], $7::int[],
                                $8::timestamptz[], $9::timestamptz[])
       ON CONFLICT (tenant_id, id) DO UPDATE
         SET status = EXCLUDED.status, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
         WHERE assignments.version < EXCLUDED.version`,
      [
        cityId,
        written.map((r) => r.id),
        written.map((r) => r.indicatorId),
        written.map((r) => r.organisationId),
        written.map((r) => r.periodId),
        written.map((r) => r.status),
        written.map((r) => r.version),
        written.map((r) => r.createdAt),
        written.map((r) => r.updatedAt),
      ],
    );
  }
}
