import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { Projection, ProjectionDefinition } from '@rl/projections';
import { ASSIGNMENT_EVENT_TYPES, AssignmentEvent } from '../domain/assignment.events';
import { SUBMISSION_EVENT_TYPES, SubmissionEvent } from '../domain/submission.events';

interface Row {
  periodId: string;
  organisationId: string;
  indicatorId: string;
  assigned: boolean;
  assignmentId: string | null;
  assignmentVersion: number;
  submissionId: string | null;
  submissionVersion: number;
  submitted: boolean;
  validated: boolean;
  returned: boolean;
  submittedLate: boolean;
  updatedAt: Date;
}

type Key = { periodId: string; organisationId: string; indicatorId: string };
type Handled = (AssignmentEvent | SubmissionEvent) & RecordedEvent;

export const COMPLETENESS_PROJECTION = 'completeness';

const keyOf = (k: Key) => `${k.periodId}|${k.organisationId}|${k.indicatorId}`;

const isAssignmentEvent = (e: Handled): e is AssignmentEvent & RecordedEvent =>
  e.type === 'AssignmentCreated' || e.type === 'AssignmentWithdrawn';

// Completeness per period × organisation × indicator, fed by assignment and submission events. Each row
// follows one assignment stream and one submission stream with a version guard per stream; the batch is
// folded in memory and each touched row written once.
@Injectable()
@ProjectionDefinition()
export class CompletenessProjection implements Projection {
  readonly name = COMPLETENESS_PROJECTION;
  readonly handles = [...ASSIGNMENT_EVENT_TYPES, ...SUBMISSION_EVENT_TYPES];
  readonly tables = ['completeness'];

  async apply(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    const keys = new Map<string, Key>();
    for (const e of events) {
      const d = e.data as Key;
      keys.set(keyOf(d), {
        periodId: d.periodId,
        organisationId: d.organisationId,
        indicatorId: d.indicatorId,
      });
    }
    const wanted = [...keys.values()];
    const existing = await em.query<Row[]>(
      `SELECT c.period_id AS "periodId", c.organisation_id AS "organisationId", c.indicator_id AS "indicatorId",
              assigned, assignment_id AS "assignmentId", assignment_version AS "assignmentVersion",
              submission_id AS "submissionId", submission_version AS "submissionVersion", submitted, validated,
              returned, submitted_late AS "submittedLate", updated_at AS "updatedAt"
         FROM completeness c
         JOIN unnest($2::uuid[], $3::uuid[], $4::uuid[]) AS k(per, org, ind)
           ON c.period_id = k.per AND c.organisation_id = k.org AND c.indicator_id = k.ind
        WHERE c.tenant_id = $1`,
      [
        cityId,
        wanted.map((k) => k.periodId),
        wanted.map((k) => k.organisationId),
        wanted.map((k) => k.indicatorId),
      ],
    );
    const rows = new Map<string, Row>(existing.map((row) => [keyOf(row), row]));
    const changed = new Set<string>();
    for (const recorded of events) {
      const event = recorded as unknown as Handled;
      const k = keyOf(event.data);
      const row: Row = rows.get(k) ?? {
        ...(keys.get(k) as Key),
        assigned: false,
        assignmentId: null,
        assignmentVersion: 0,
        submissionId: null,
        submissionVersion: 0,
        submitted: false,
        validated: false,
        returned: false,
        submittedLate: false,
        updatedAt: recorded.recordedAt,
      };
      let next: Row | undefined;
      if (isAssignmentEvent(event)) {
        const id = event.data.assignmentId;
        const same = row.assignmentId === id;
        if (same && recorded.version <= row.assignmentVersion) continue;
        if (event.type === 'AssignmentCreated') {
          next = { ...row, assigned: true, assignmentId: id, assignmentVersion: recorded.version };
        } else if (same || !row.assigned) {
          next = { ...row, assigned: false, assignmentId: id, assignmentVersion: recorded.version };
        }
      } else {
        const id = event.data.submissionId;
        const same = row.submissionId === id;
        if (same && recorded.version <= row.submissionVersion) continue;
        // A row follows the latest submission for its key; events of an earlier one are ignored.
        if (!same && event.type !== 'SubmissionSubmitted') continue;
        const base = { ...row, submissionId: id, submissionVersion: recorded.version };
        switch (event.type) {
          case 'SubmissionSubmitted':
            next = {
              ...base,
              submitted: true,
              validated: false,
              returned: false,
              submittedLate: event.data.late,
            };
            break;
          case 'SubmissionCorrected':
            next = {
              ...base,
              submitted: true,
              validated: false,
              returned: false,
              submittedLate: event.data.late,
            };
            break;
          case 'SubmissionValidated':
            next = { ...base, submitted: true, validated: true, returned: false };
            break;
          case 'SubmissionReturned':
            next = { ...base, submitted: true, validated: false, returned: true };
            break;
        }
      }
      if (!next) continue;
      rows.set(k, { ...next, updatedAt: recorded.recordedAt });
      changed.add(k);
    }
    if (changed.size === 0) return;
    const written = [...changed].map((k) => rows.get(k) as Row);
    await em.query(
      `INSERT INTO completeness (tenant_id, period_id, organisation_id, indicator_id, assigned, assignment_id,
                                 assignment_version, submission_id, submission_version, submitted, validated,
                                 returned, submitted_late, updated_at)
       SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::bool[], $6::uuid[], $7::int[], $8::uuid[],
                                $9::int[], $10::bool[], $11::bool[], $12::bool[], $13::bool[], $14::timestamptz[])
       ON CONFLICT (tenant_id, period_id, organisation_id, indicator_id) DO UPDATE
         SET assigned = EXCLUDED.assigned, assignment_id = EXCLUDED.assignment_id,
             assignment_version = EXCLUDED.assignment_version, submission_id = EXCLUDED.submission_id,
             submission_version = EXCLUDED.submission_version, submitted = EXCLUDED.submitted,
             validated = EXCLUDED.validated, returned = EXCLUDED.returned,
             submitted_late = EXCLUDED.submitted_late, updated_at = EXCLUDED.updated_at`,
      [
        cityId,
        written.map((r) => r.periodId),
        written.map((r) => r.organisationId),
        written.map((r) => r.indicatorId),
        written.map((r) => r.assigned),
        written.map((r) => r.assignmentId),
        written.map((r) => r.assignmentVersion),
        written.map((r) => r.submissionId),
        written.map((r) => r.submissionVersion),
        written.map((r) => r.submitted),
        written.map((r) => r.validated),
        written.map((r) => r.returned),
        written.map((r) => r.submittedLate),
        written.map((r) => r.updatedAt),
      ],
    );
  }
}
