import { DomainError } from '@rl/kernel';
import { AssignmentEvent, AssignmentKey, AssignmentStatus } from './assignment.events';

export type AssignmentState =
  { exists: false } | ({ exists: true; status: AssignmentStatus } & AssignmentKey);

// That the indicator, organisation and period exist, and that the triple is free, is checked by the
// handler against the city's log and reservations, in the transaction that appends.
export type AssignmentCommand =
  ({ type: 'CreateAssignment' } & AssignmentKey) | { type: 'WithdrawAssignment' };

export const initialAssignmentState: AssignmentState = { exists: false };

export function decideAssignment(command: AssignmentCommand, state: AssignmentState): AssignmentEvent[] {
  switch (command.type) {
    case 'CreateAssignment': {
      if (state.exists) {
        throw new DomainError('conflict', 'ASSIGNMENT.ALREADY_EXISTS', 'This assignment already exists');
      }
      const { assignmentId, indicatorId, organisationId, periodId } = command;
      return [{ type: 'AssignmentCreated', data: { assignmentId, indicatorId, organisationId, periodId } }];
    }
    case 'WithdrawAssignment': {
      if (!state.exists) throw new DomainError('not_found', 'ASSIGNMENT.NOT_FOUND', 'No such assignment');
      if (state.status === 'withdrawn') {
        throw new DomainError(
          'conflict',
          'ASSIGNMENT.ALREADY_WITHDRAWN',
          'This assignment was already withdrawn',
        );
      }
      const { assignmentId, indicatorId, organisationId, periodId } = state;
      return [{ type: 'AssignmentWithdrawn', data: { assignmentId, indicatorId, organisationId, periodId } }];
    }
  }
}

export function evolveAssignment(state: AssignmentState, event: AssignmentEvent): AssignmentState {
  switch (event.type) {
    case 'AssignmentCreated':
      return { exists: true, status: 'active', ...event.data };
    case 'AssignmentWithdrawn':
      return state.exists ? { ...state, status: 'withdrawn' } : state;
  }
}
