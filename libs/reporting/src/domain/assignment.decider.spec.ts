import { DeciderSpecification } from '@rl/kernel/testing';
import { assignmentDecider } from './assignment.decider';
import { AssignmentEvent } from './assignment.events';

const key = {
  assignmentId: '0192f0aa-0000-7000-8000-000000000003',
  indicatorId: '0192f0aa-0000-7000-8000-000000000004',
  organisationId: '0192f0aa-0000-7000-8000-000000000005',
  periodId: '0192f0aa-0000-7000-8000-000000000006',
};
const created: AssignmentEvent = { type: 'AssignmentCreated', data: key };
const withdrawn: AssignmentEvent = { type: 'AssignmentWithdrawn', data: key };
const spec = DeciderSpecification.for(assignmentDecider);

describe('assignment decider', () => {
  it('assigns an indicator to an organisation for a period', () => {
    spec
      .given([])
      .when({ type: 'CreateAssignment', ...key })
      .then([created]);
  });

  it('refuses to create the same assignment stream twice', () => {
    spec
      .given([created])
      .when({ type: 'CreateAssignment', ...key })
      .thenThrows('ASSIGNMENT.ALREADY_EXISTS');
  });

  it('withdraws an active assignment, naming what it was', () => {
    spec.given([created]).when({ type: 'WithdrawAssignment' }).then([withdrawn]);
  });

  it('refuses to withdraw twice or to withdraw an unknown assignment', () => {
    spec
      .given([created, withdrawn])
      .when({ type: 'WithdrawAssignment' })
      .thenThrows('ASSIGNMENT.ALREADY_WITHDRAWN');
    spec.given([]).when({ type: 'WithdrawAssignment' }).thenThrows('ASSIGNMENT.NOT_FOUND');
  });
});
