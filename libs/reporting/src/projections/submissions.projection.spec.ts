import { recorded, rowAfter } from '@rl/projections/testing';
import { Observation, SubmissionEvent } from '../domain/submission.events';
import { evolveSubmissionRow, SubmissionsProjection } from './submissions.projection';

const key = {
  submissionId: '00000000-0000-7000-8000-0000000000a1',
  indicatorId: '00000000-0000-7000-8000-0000000000b1',
  periodId: '00000000-0000-7000-8000-0000000000c1',
  organisationId: '00000000-0000-7000-8000-0000000000d1',
};
const collector = '00000000-0000-7000-8000-0000000000e1';
const validator = '00000000-0000-7000-8000-0000000000e2';
const observation = (value: number): Observation => ({
  key: '',
  disaggregation: {},
  value,
  status: 'normal',
});
const data = { definitionVersion: 1, series: 1, late: false, observations: [observation(10)] };

const submitted = recorded<SubmissionEvent>(
  { type: 'SubmissionSubmitted', data: { ...key, ...data, note: 'from the survey' } },
  { metadata: { actorId: collector } },
);
const returned = recorded<SubmissionEvent>(
  { type: 'SubmissionReturned', data: { ...key, reason: 'check the total' } },
  { version: 2, metadata: { actorId: validator } },
);
const corrected = recorded<SubmissionEvent>(
  {
    type: 'SubmissionCorrected',
    data: { ...key, ...data, late: true, series: 2, observations: [observation(12)], reason: 'typo' },
  },
  { version: 3, metadata: { actorId: collector } },
);
const validated = recorded<SubmissionEvent>(
  { type: 'SubmissionValidated', data: { ...key, observations: [observation(12)], late: true, series: 2 } },
  { version: 4, metadata: { actorId: validator } },
);

describe('submissions projection', () => {
  it('records a submission with its submitter', () => {
    const { submissionId, ...triple } = key;
    expect(evolveSubmissionRow(undefined, submitted)).toEqual({
      id: submissionId,
      ...triple,
      status: 'submitted',
      late: false,
      observations: [observation(10)],
      definitionVersion: 1,
      series: 1,
      source: null,
      note: 'from the survey',
      returnReason: null,
      submittedBy: collector,
      returnedBy: null,
      version: 1,
      createdAt: submitted.recordedAt,
      updatedAt: submitted.recordedAt,
    });
  });

  it('keeps the return reason and who returned it through a correction', () => {
    expect(rowAfter(new SubmissionsProjection(), [submitted, returned, corrected])).toEqual(
      expect.objectContaining({
        status: 'submitted',
        observations: [observation(12)],
        late: true,
        series: 2,
        note: 'from the survey',
        returnReason: 'check the total',
        returnedBy: validator,
        submittedBy: collector,
        version: 3,
      }),
    );
  });

  it('validates, and skips replays of what the row reflects', () => {
    const row = rowAfter(new SubmissionsProjection(), [submitted, returned, corrected, validated]);
    expect(row).toEqual(expect.objectContaining({ status: 'validated', version: 4 }));
    expect(rowAfter(new SubmissionsProjection(), [returned, corrected], row)).toBe(row);
  });

  it('ignores events of a submission it never saw submitted', () => {
    expect(evolveSubmissionRow(undefined, validated)).toBeUndefined();
  });

  it('declares the note and the return reason as their writers’ personal text', () => {
    expect(new SubmissionsProjection().handles).toContain('PersonDataErased');
  });
});
