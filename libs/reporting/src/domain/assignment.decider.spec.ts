import { DomainError } from '@rl/kernel';
import {
  AssignmentCommand,
  decideAssignment,
  evolveAssignment,
  initialAssignmentState,
} from './assignment.decider';
import { AssignmentEvent } from './assignment.events';

const key = {
  assignmentId: '0192f0aa-0000-7000-8000-000000000003',
  indicatorId: '0192f0aa-0000-7000-8000-000000000004',
  organisationId: '0192f0aa-0000-7000-8000-000000000005',
  periodId: '0192f0aa-0000-7000-8000-000000000006',
};
const created: AssignmentEvent = { type: 'AssignmentCreated', data: key };
const withdrawn: AssignmentEvent = { type: 'AssignmentWithdrawn', data: key };

const given = (events: AssignmentEvent[]) => {
  const state = events.reduce(evolveAssignment, initialAssignmentState);
  return {
    when: (command: AssignmentCommand) => {
      try {
        return decideAssignment(command, state);
      } catch (error) {
        if (error instanceof DomainError) return error.code;
        throw error;
      }
    },
  };
};

describe('assignment decider', () => {
  it('assigns an indicator to an organisation for a period', () => {
    expect(given([]).when({ type: 'CreateAssignment', ...key })).toEqual([created]);
  });

  it('refuses to create the same assignment stream twice', () => {
    expect(given([created]).when({ type: 'CreateAssignment', ...key })).toBe('ASSIGNMENT.ALREADY_EXISTS');
  });

  it('withdraws an active assignment, naming what it was', () => {
    expect(given([created]).when({ type: 'WithdrawAssignment' })).toEqual([withdrawn]);
  });

  it('refuses to withdraw twice or to withdraw an unknown assignment', () => {
    expect(given([created, withdrawn]).when({ type: 'WithdrawAssignment' })).toBe(
      'ASSIGNMENT.ALREADY_WITHDRAWN',
    );
    expect(given([]).when({ type: 'WithdrawAssignment' })).toBe('ASSIGNMENT.NOT_FOUND');
  });
});
