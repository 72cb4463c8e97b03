import { Injectable } from '@nestjs/common';
import { RecordedEvent } from '@rl/event-store';
import { ProjectionDefinition, rowProjection } from '@rl/projections';
import { SUBMISSION_EVENT_TYPES, SubmissionEvent } from '../domain/submission.events';
import { SubmissionRecord } from './submission.entity';

export type SubmissionRow = Omit<SubmissionRecord, 'tenantId'>;

export const SUBMISSIONS_PROJECTION = 'submissions';

export function evolveSubmissionRow(
  row: SubmissionRow | undefined,
  event: RecordedEvent<SubmissionEvent>,
): SubmissionRow | undefined {
  const stamp = { version: event.version, updatedAt: event.recordedAt };
  const actor = event.metadata.actorId ?? null;
  if (event.type === 'SubmissionSubmitted') {
    const { submissionId, indicatorId, periodId, organisationId, observations, late } = event.data;
    return {
      id: submissionId,
      indicatorId,
      periodId,
      organisationId,
      status: 'submitted',
      late,
      observations,
      definitionVersion: event.data.definitionVersion,
      series: event.data.series,
      source: event.data.source ?? null,
      note: event.data.note ?? null,
      returnReason: null,
      submittedBy: actor,
      returnedBy: null,
      createdAt: event.recordedAt,
      ...stamp,
    };
  }
  if (!row) return undefined;
  switch (event.type) {
    case 'SubmissionCorrected': {
      const { observations, late, definitionVersion, series } = event.data;
      return { ...row, status: 'submitted', observations, late, definitionVersion, series, ...stamp };
    }
    case 'SubmissionValidated':
      return { ...row, status: 'validated', ...stamp };
    case 'SubmissionReturned':
      return { ...row, status: 'returned', returnReason: event.data.reason, returnedBy: actor, ...stamp };
  }
}

@Injectable()
@ProjectionDefinition()
export class SubmissionsProjection extends rowProjection<SubmissionRow, SubmissionEvent>({
  name: SUBMISSIONS_PROJECTION,
  table: 'submissions',
  handles: SUBMISSION_EVENT_TYPES,
  columns: {
    id: 'uuid',
    indicatorId: 'uuid',
    periodId: 'uuid',
    organisationId: 'uuid',
    status: 'submission_status',
    late: 'bool',
    observations: 'jsonb',
    definitionVersion: 'int',
    series: 'int',
    source: 'text',
    note: 'text',
    returnReason: 'text',
    submittedBy: 'uuid',
    returnedBy: 'uuid',
    version: 'int',
    createdAt: 'timestamptz',
    updatedAt: 'timestamptz',
  },
  key: ['id'],
  keyOf: (event) => [event.data.submissionId],
  version: 'version',
  evolve: evolveSubmissionRow,
  // A submitter's note and a validator's return reason are theirs.
  personalText: [
    { text: 'note', owner: 'submittedBy' },
    { text: 'returnReason', owner: 'returnedBy' },
  ],
}) {}
