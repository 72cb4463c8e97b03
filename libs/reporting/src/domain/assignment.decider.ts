import { Decider } from '@rl/kernel';
import {
  ASSIGNMENT_EVENT_TYPES,
  AssignmentEvent,
  AssignmentKey,
  AssignmentStatus,
} from './assignment.events';
import { AssignmentErrors } from './reporting.errors';

export type AssignmentState =
  { exists: false } | ({ exists: true; status: AssignmentStatus } & AssignmentKey);

// That the indicator, organisation and period exist, and that the triple is free, is checked by the
// handler against the city's log and reservations, in the transaction that appends.
export type AssignmentCommand =
  ({ type: 'CreateAssignment' } & AssignmentKey) | { type: 'WithdrawAssignment' };

const initialState = (): AssignmentState => ({ exists: false });

function decide(command: AssignmentCommand, state: AssignmentState): AssignmentEvent[] {
  switch (command.type) {
    case 'CreateAssignment': {
      if (state.exists) throw AssignmentErrors.ALREADY_EXISTS({ message: 'This assignment already exists' });
      const { assignmentId, indicatorId, organisationId, periodId } = command;
      return [{ type: 'AssignmentCreated', data: { assignmentId, indicatorId, organisationId, periodId } }];
    }
    case 'WithdrawAssignment': {
      if (!state.exists) throw AssignmentErrors.NOT_FOUND();
      if (state.status === 'withdrawn') throw AssignmentErrors.ALREADY_WITHDRAWN();
      const { assignmentId, indicatorId, organisationId, periodId } = state;
      return [{ type: 'AssignmentWithdrawn', data: { assignmentId, indicatorId, organisationId, periodId } }];
    }
  }
}

function evolve(state: AssignmentState, event: AssignmentEvent): AssignmentState {
  switch (event.type) {
    case 'AssignmentCreated':
      return { exists: true, status: 'active', ...event.data };
    case 'AssignmentWithdrawn':
      return state.exists ? { ...state, status: 'withdrawn' } : state;
  }
}

export const assignmentDecider: Decider<AssignmentState, AssignmentCommand, AssignmentEvent> = {
  initialState,
  decide,
  evolve,
  eventTypes: ASSIGNMENT_EVENT_TYPES,
};
