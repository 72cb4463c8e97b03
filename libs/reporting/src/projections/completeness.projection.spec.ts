import { RecordedEvent } from '@rl/event-store';
import { recorded, rowAfter } from '@rl/projections/testing';
import { AssignmentEvent } from '../domain/assignment.events';
import { SubmissionEvent } from '../domain/submission.events';
import { CompletenessProjection, CompletenessRow } from './completeness.projection';

const KEY = {
  periodId: '00000000-0000-7000-8000-0000000000a1',
  organisationId: '00000000-0000-7000-8000-0000000000b1',
  indicatorId: '00000000-0000-7000-8000-0000000000c1',
};
const a1 = { ...KEY, assignmentId: 'a1' };
const s1 = { ...KEY, submissionId: 's1', observations: [], series: 1, definitionVersion: 1 };
const s2 = { ...s1, submissionId: 's2' };

const assigned = recorded<AssignmentEvent>({ type: 'AssignmentCreated', data: a1 });
const withdrawn = recorded<AssignmentEvent>({ type: 'AssignmentWithdrawn', data: a1 }, { version: 2 });
const submitted = recorded<SubmissionEvent>({ type: 'SubmissionSubmitted', data: { ...s1, late: true } });
const returned = recorded<SubmissionEvent>(
  { type: 'SubmissionReturned', data: { ...s1, reason: 'x' } },
  { version: 2 },
);
const corrected = recorded<SubmissionEvent>(
  { type: 'SubmissionCorrected', data: { ...s1, late: true, reason: 'y' } },
  { version: 3 },
);
const validated = recorded<SubmissionEvent>(
  { type: 'SubmissionValidated', data: { ...s1, late: true } },
  { version: 4 },
);
const resubmitted = recorded<SubmissionEvent>({ type: 'SubmissionSubmitted', data: { ...s2, late: false } });

const completeness = new CompletenessProjection();
const fold = (events: readonly RecordedEvent<AssignmentEvent | SubmissionEvent>[], row?: CompletenessRow) =>
  rowAfter(completeness, events, row);

describe('completeness projection', () => {
  it('starts a row for a key on its first event, assigned or submitted', () => {
    expect(fold([assigned])).toEqual(
      expect.objectContaining({
        ...KEY,
        assigned: true,
        assignmentId: 'a1',
        submitted: false,
        submissionId: null,
      }),
    );
    expect(fold([submitted])).toEqual(
      expect.objectContaining({ assigned: false, submitted: true, submittedLate: true, submissionId: 's1' }),
    );
  });

  it('folds assignment and submission streams into one row, across batches', () => {
    expect(fold([assigned, submitted, returned])).toEqual(
      expect.objectContaining({ assigned: true, submitted: true, returned: true, validated: false }),
    );
    expect(fold([returned, corrected, validated], fold([assigned, submitted]))).toEqual(
      expect.objectContaining({
        assigned: true,
        submitted: true,
        returned: false,
        validated: true,
        submittedLate: true,
        submissionVersion: 4,
        updatedAt: validated.recordedAt,
      }),
    );
  });

  it('ignores replayed events of each stream', () => {
    const row = fold([assigned, submitted, returned, corrected, validated]);
    expect(fold([assigned, submitted, returned], row)).toBe(row);
  });

  it('clears the assignment on withdrawal, and follows the newest submission', () => {
    const row = fold([assigned, submitted, validated, withdrawn]);
    expect(fold([resubmitted, returned], row)).toEqual(
      expect.objectContaining({
        assigned: false,
        submissionId: 's2',
        submissionVersion: 1,
        submitted: true,
        validated: false,
        returned: false,
        submittedLate: false,
      }),
    );
  });

  it('leaves a row assigned when another assignment of its key is withdrawn', () => {
    const other = recorded<AssignmentEvent>(
      { type: 'AssignmentWithdrawn', data: { ...a1, assignmentId: 'a0' } },
      { version: 2 },
    );
    const row = fold([assigned]);
    expect(fold([other], row)).toBe(row);
  });
});
