import { recorded, rowAfter } from '@rl/projections/testing';
import { AssignmentEvent } from '../domain/assignment.events';
import { AssignmentsProjection, evolveAssignmentRow } from './assignments.projection';

const key = {
  assignmentId: '00000000-0000-7000-8000-0000000000a1',
  indicatorId: '00000000-0000-7000-8000-0000000000b1',
  organisationId: '00000000-0000-7000-8000-0000000000c1',
  periodId: '00000000-0000-7000-8000-0000000000d1',
};
const created = recorded<AssignmentEvent>({ type: 'AssignmentCreated', data: key });
const withdrawn = recorded<AssignmentEvent>({ type: 'AssignmentWithdrawn', data: key }, { version: 2 });

describe('assignments projection', () => {
  it('creates an active assignment', () => {
    const { assignmentId, ...triple } = key;
    expect(evolveAssignmentRow(undefined, created)).toEqual({
      id: assignmentId,
      ...triple,
      status: 'active',
      version: 1,
      createdAt: created.recordedAt,
      updatedAt: created.recordedAt,
    });
  });

  it('marks it withdrawn, and a replayed creation does not revive it', () => {
    const row = rowAfter(new AssignmentsProjection(), [created, withdrawn, created]);
    expect(row).toEqual(
      expect.objectContaining({ status: 'withdrawn', version: 2, createdAt: created.recordedAt }),
    );
    expect(row?.updatedAt).toEqual(withdrawn.recordedAt);
  });

  it('ignores a withdrawal of an assignment it never saw created', () => {
    expect(evolveAssignmentRow(undefined, withdrawn)).toBeUndefined();
  });
});
