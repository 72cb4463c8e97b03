import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ERASED, erasureSegments, PERSON_DATA_ERASED, RecordedEvent } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { Projection, ProjectionDefinition } from '@rl/projections';
import { SUBMISSION_EVENT_TYPES, SubmissionEvent } from '../domain/submission.events';

interface Row {
  id: string;
  indicatorId: string;
  periodId: string;
  organisationId: string;
  status: string;
  late: boolean;
  observations: unknown;
  definitionVersion: number;
  series: number;
  source: string | null;
  note: string | null;
  returnReason: string | null;
  submittedBy: string | null;
  returnedBy: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const SUBMISSIONS_PROJECTION = 'submissions';

// Folds a batch per submission in memory and writes each touched row once.
@Injectable()
@ProjectionDefinition()
export class SubmissionsProjection implements Projection {
  readonly name = SUBMISSIONS_PROJECTION;
  readonly handles = [...SUBMISSION_EVENT_TYPES, PERSON_DATA_ERASED];
  readonly tables = ['submissions'];

  async apply(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    for (const segment of erasureSegments(events)) {
      if (segment.kind === 'events') await this.fold(em, cityId, segment.events);
      else {
        await em.query(
          `UPDATE submissions
              SET note = CASE WHEN submitted_by = $2 AND note IS NOT NULL THEN $3 ELSE note END,
                  return_reason = CASE WHEN returned_by = $2 AND return_reason IS NOT NULL THEN $3 ELSE return_reason END
            WHERE tenant_id = $1 AND (submitted_by = $2 OR returned_by = $2)`,
          [cityId, segment.subjectId, ERASED],
        );
      }
    }
  }

  private async fold(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    const ids = [...new Set(events.map((e) => (e.data as SubmissionEvent['data']).submissionId))];
    const existing = await em.query<Row[]>(
      `SELECT id, indicator_id AS "indicatorId", period_id AS "periodId", organisation_id AS "organisationId",
              status, late, observations, definition_version AS "definitionVersion", series, source, note,
              return_reason AS "returnReason", submitted_by AS "submittedBy", returned_by AS "returnedBy", version, created_at AS "createdAt", updated_at AS "updatedAt"
         FROM submissions WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [cityId, ids],
    );
    const rows = new Map<string, Row>(existing.map((row) => [row.id, row]));
    const changed = new Set<string>();
    for (const recorded of events) {
      const event = recorded as unknown as SubmissionEvent & RecordedEvent;
      const id = event.data.submissionId;
      const row = rows.get(id);
      if (row && recorded.version <= row.version) continue;
      const touched = { version: recorded.version, updatedAt: recorded.recordedAt };
      let next: Row | undefined;
      switch (event.type) {
        case 'SubmissionSubmitted': {
          const d = event.data;
          next = {
            id,
            indicatorId: d.indicatorId,
            periodId: d.periodId,
            organisationId: d.organisationId,
            status: 'submitted',
            late: d.late,
            observations: d.observations,
            definitionVersion: d.definitionVersion,
            series: d.series,
            source: d.source ?? null,
            note: d.note ?? null,
            returnReason: null,
            submittedBy: recorded.metadata.actorId ?? null,
            returnedBy: null,
            createdAt: recorded.recordedAt,
            ...touched,
          };
          break;
        }
        case 'SubmissionCorrected':
          if (row) {
            const d = event.data;
            next = {
              ...row,
              status: 'submitted',
              observations: d.observations,
              late: d.late,
              definitionVersion: d.definitionVersion,
              series: d.series,
              ...touched,
            };
          }
          break;
        case 'SubmissionValidated':
          if (row) next = { ...row, status: 'validated', ...touched };
          break;
        case 'SubmissionReturned':
          if (row) {
            const returnedBy = recorded.metadata.actorId ?? null;
            next = { ...row, status: 'returned', returnReason: event.data.reason, returnedBy, ...touched };
          }
          break;
      }
      if (!next) continue;
      rows.set(id, next);
      changed.add(id);
    }
    if (changed.size === 0) return;
    const written = [...changed].map((id) => rows.get(id) as Row);
    await em.query(
      `INSERT INTO submissions (tenant_id, id, indicator_id, period_id, organisation_id, status, late, observations,
                                definition_version, series, source, note, return_reason, version, created_at, updated_at,
                                submitted_by, returned_by)
       SELECT $1, id, ind, per, org, st, late, obs, dv, ser, src, nt, rr, ver, ca, ua, sb, rb
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::submission_status[], $7::bool[], $8::jsonb[],
                     $9::int[], $10::int[], $11::text[], $12::text[], $13::text[], $14::int[], $15::timestamptz[],
                     $16::timestamptz[], $17::uuid[], $18::uuid[])
           AS t(id, ind, per, org, st, late, obs, dv, ser, src, nt, rr, ver, ca, ua, sb, rb)
       ON CONFLICT (tenant_id, id) DO UPDATE
         SET status = EXCLUDED.status, late = EXCLUDED.late, observations = EXCLUDED.observations,
             definition_version = EXCLUDED.definition_version, series = EXCLUDED.series,
             return_reason = EXCLUDED.return_reason, returned_by = EXCLUDED.returned_by, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
         WHERE submissions.version < EXCLUDED.version`,
      [
        cityId,
        written.map((r) => r.id),
        written.map((r) => r.indicatorId),
        written.map((r) => r.periodId),
        written.map((r) => r.organisationId),
        written.map((r) => r.status),
        written.map((r) => r.late),
        written.map((r) => JSON.stringify(r.observations)),
        written.map((r) => r.definitionVersion),
        written.map((r) => r.series),
        written.map((r) => r.source),
        written.map((r) => r.note),
        written.map((r) => r.returnReason),
        written.map((r) => r.version),
        written.map((r) => r.createdAt),
        written.map((r) => r.updatedAt),
        written.map((r) => r.submittedBy),
        written.map((r) => r.returnedBy),
      ],
    );
  }
}
