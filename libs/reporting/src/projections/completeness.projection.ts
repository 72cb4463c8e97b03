import { Injectable } from '@nestjs/common';
import { RecordedEvent } from '@rl/event-store';
import { isEventOf } from '@rl/kernel';
import { ProjectionDefinition, rowProjection } from '@rl/projections';
import { ASSIGNMENT_EVENT_TYPES, AssignmentEvent } from '../domain/assignment.events';
import { SUBMISSION_EVENT_TYPES, SubmissionEvent } from '../domain/submission.events';
import { CompletenessRecord } from './completeness.entity';

export type CompletenessRow = Omit<CompletenessRecord, 'tenantId'>;
type CompletenessEvent = AssignmentEvent | SubmissionEvent;

export const COMPLETENESS_PROJECTION = 'completeness';

const emptyRow = ({ data, recordedAt }: RecordedEvent<CompletenessEvent>): CompletenessRow => ({
  periodId: data.periodId,
  organisationId: data.organisationId,
  indicatorId: data.indicatorId,
  assigned: false,
  assignmentId: null,
  assignmentVersion: 0,
  submissionId: null,
  submissionVersion: 0,
  submitted: false,
  validated: false,
  returned: false,
  submittedLate: false,
  updatedAt: recordedAt,
});

function afterAssignment(row: CompletenessRow, event: RecordedEvent<AssignmentEvent>) {
  const { assignmentId } = event.data;
  const same = row.assignmentId === assignmentId;
  if (same && event.version <= row.assignmentVersion) return undefined;
  const followed = { assignmentId, assignmentVersion: event.version };
  if (event.type === 'AssignmentCreated') return { ...row, assigned: true, ...followed };
  // A withdrawal of another assignment than the one followed leaves an assigned row alone.
  return same || !row.assigned ? { ...row, assigned: false, ...followed } : undefined;
}

function afterSubmission(row: CompletenessRow, event: RecordedEvent<SubmissionEvent>) {
  const { submissionId } = event.data;
  const same = row.submissionId === submissionId;
  if (same && event.version <= row.submissionVersion) return undefined;
  // A row follows the latest submission for its key; events of an earlier one are ignored.
  if (!same && event.type !== 'SubmissionSubmitted') return undefined;
  const base = { ...row, submissionId, submissionVersion: event.version, submitted: true };
  switch (event.type) {
    case 'SubmissionSubmitted':
    case 'SubmissionCorrected':
      return { ...base, validated: false, returned: false, submittedLate: event.data.late };
    case 'SubmissionValidated':
      return { ...base, validated: true, returned: false };
    case 'SubmissionReturned':
      return { ...base, validated: false, returned: true };
  }
}

// Completeness per period × organisation × indicator. Each row follows one assignment stream and one
// submission stream with a version per stream, so evolve itself skips what a row already reflects.
export function evolveCompletenessRow(
  row: CompletenessRow | undefined,
  event: RecordedEvent<CompletenessEvent>,
): CompletenessRow | undefined {
  const current = row ?? emptyRow(event);
  const next = isEventOf<AssignmentEvent>(ASSIGNMENT_EVENT_TYPES, event)
    ? afterAssignment(current, event)
    : afterSubmission(current, event);
  return next && { ...next, updatedAt: event.recordedAt };
}

@Injectable()
@ProjectionDefinition()
export class CompletenessProjection extends rowProjection<CompletenessRow, CompletenessEvent>({
  name: COMPLETENESS_PROJECTION,
  table: 'completeness',
  handles: [...ASSIGNMENT_EVENT_TYPES, ...SUBMISSION_EVENT_TYPES],
  columns: {
    periodId: 'uuid',
    organisationId: 'uuid',
    indicatorId: 'uuid',
    assigned: 'bool',
    assignmentId: 'uuid',
    assignmentVersion: 'int',
    submissionId: 'uuid',
    submissionVersion: 'int',
    submitted: 'bool',
    validated: 'bool',
    returned: 'bool',
    submittedLate: 'bool',
    updatedAt: 'timestamptz',
  },
  key: ['periodId', 'organisationId', 'indicatorId'],
  keyOf: ({ data }) => [data.periodId, data.organisationId, data.indicatorId],
  evolve: evolveCompletenessRow,
}) {}
