export interface AssignmentKey {
  assignmentId: string;
  indicatorId: string;
  organisationId: string;
  periodId: string;
}

export type AssignmentEvent =
  { type: 'AssignmentCreated'; data: AssignmentKey } | { type: 'AssignmentWithdrawn'; data: AssignmentKey };

export type AssignmentEventType = AssignmentEvent['type'];

export const ASSIGNMENT_EVENT_TYPES: readonly AssignmentEventType[] = [
  'AssignmentCreated',
  'AssignmentWithdrawn',
];

export const ASSIGNMENT_STATUSES = ['active', 'withdrawn'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const assignmentStream = (assignmentId: string) => `assignment-${assignmentId}`;
