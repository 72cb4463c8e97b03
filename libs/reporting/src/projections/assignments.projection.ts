import { Injectable } from '@nestjs/common';
import { RecordedEvent } from '@rl/event-store';
import { ProjectionDefinition, rowProjection } from '@rl/projections';
import { ASSIGNMENT_EVENT_TYPES, AssignmentEvent } from '../domain/assignment.events';
import { AssignmentRecord } from './assignment.entity';

export type AssignmentRow = Omit<AssignmentRecord, 'tenantId'>;

export const ASSIGNMENTS_PROJECTION = 'assignments';

export function evolveAssignmentRow(
  row: AssignmentRow | undefined,
  event: RecordedEvent<AssignmentEvent>,
): AssignmentRow | undefined {
  const stamp = { version: event.version, updatedAt: event.recordedAt };
  switch (event.type) {
    case 'AssignmentCreated': {
      const { assignmentId, indicatorId, organisationId, periodId } = event.data;
      const created = { createdAt: event.recordedAt, ...stamp };
      return { id: assignmentId, indicatorId, organisationId, periodId, status: 'active', ...created };
    }
    case 'AssignmentWithdrawn':
      return row && { ...row, status: 'withdrawn', ...stamp };
  }
}

@Injectable()
@ProjectionDefinition()
export class AssignmentsProjection extends rowProjection<AssignmentRow, AssignmentEvent>({
  name: ASSIGNMENTS_PROJECTION,
  table: 'assignments',
  handles: ASSIGNMENT_EVENT_TYPES,
  columns: {
    id: 'uuid',
    indicatorId: 'uuid',
    organisationId: 'uuid',
    periodId: 'uuid',
    status: 'assignment_status',
    version: 'int',
    createdAt: 'timestamptz',
    updatedAt: 'timestamptz',
  },
  key: ['id'],
  keyOf: (event) => [event.data.assignmentId],
  version: 'version',
  evolve: evolveAssignmentRow,
}) {}
