import { DomainError } from '@rl/kernel';
import {
  AuthoredSubmissionEvent,
  decideSubmission,
  evolveSubmission,
  initialSubmissionState,
  SubmissionCommand,
} from './submission.decider';
import { Observation, SubmissionEvent } from './submission.events';

const key = {
  submissionId: '0192f0aa-0000-7000-8000-000000000010',
  indicatorId: '0192f0aa-0000-7000-8000-000000000011',
  periodId: '0192f0aa-0000-7000-8000-000000000012',
  organisationId: '0192f0aa-0000-7000-8000-000000000013',
};
const first: Observation[] = [{ key: '', disaggregation: {}, value: 10, status: 'normal' }];
const second: Observation[] = [{ key: '', disaggregation: {}, value: 12, status: 'provisional' }];
const data = { late: false, definitionVersion: 2, series: 1 };

const submitted: SubmissionEvent = {
  type: 'SubmissionSubmitted',
  data: { ...key, observations: first, ...data, source: 'city registry' },
};
const returned: SubmissionEvent = { type: 'SubmissionReturned', data: { ...key, reason: 'Check 2024' } };
const corrected: SubmissionEvent = {
  type: 'SubmissionCorrected',
  data: { ...key, observations: second, ...data, reason: 'Recounted' },
};
const validated: SubmissionEvent = {
  type: 'SubmissionValidated',
  data: { ...key, observations: second, late: false, series: 1 },
};

const given = (events: AuthoredSubmissionEvent[]) => {
  const state = events.reduce(evolveSubmission, initialSubmissionState);
  return {
    when: (command: SubmissionCommand) => {
      try {
        return decideSubmission(command, state);
      } catch (error) {
        if (error instanceof DomainError) return error.code;
        throw error;
      }
    },
  };
};

const by = (actorId: string, event: SubmissionEvent): AuthoredSubmissionEvent => ({
  ...event,
  metadata: { actorId },
});
const validate = (actorId = 'official', fourEyes = true): SubmissionCommand => ({
  type: 'ValidateSubmission',
  actorId,
  fourEyes,
});

const correct: SubmissionCommand = {
  type: 'CorrectSubmission',
  reason: 'Recounted',
  observations: second,
  ...data,
};

describe('submission decider', () => {
  it('records a submission with its definition version and series', () => {
    expect(
      given([]).when({ type: 'SubmitData', ...key, observations: first, ...data, source: 'city registry' }),
    ).toEqual([submitted]);
  });

  it('returns a submitted one with the reason', () => {
    expect(given([submitted]).when({ type: 'ReturnSubmission', reason: 'Check 2024' })).toEqual([returned]);
  });

  it('corrects a returned (or still submitted) one, superseding the observations', () => {
    expect(given([submitted, returned]).when(correct)).toEqual([corrected]);
    expect(given([submitted]).when(correct)).toEqual([corrected]);
  });

  it('validates the latest observations', () => {
    expect(given([submitted, returned, corrected]).when(validate())).toEqual([validated]);
  });

  it('refuses invalid transitions', () => {
    expect(given([submitted, returned]).when(validate())).toBe('SUBMISSION.INVALID_TRANSITION');
    expect(given([submitted, returned]).when({ type: 'ReturnSubmission', reason: 'again' })).toBe(
      'SUBMISSION.INVALID_TRANSITION',
    );
    expect(given([submitted, validated]).when(correct)).toBe('SUBMISSION.INVALID_TRANSITION');
    expect(given([submitted, validated]).when(validate())).toBe('SUBMISSION.INVALID_TRANSITION');
  });

  it('keeps whoever submitted or last corrected from validating, unless four eyes is off', () => {
    const history = [by('collector', submitted), by('official', returned), by('corrector', corrected)];
    expect(given(history).when(validate('collector'))).toBe('SUBMISSION.SAME_PERSON');
    expect(given(history).when(validate('corrector'))).toBe('SUBMISSION.SAME_PERSON');
    expect(given(history).when(validate('official'))).toEqual([validated]);
    expect(given(history).when(validate('collector', false))).toEqual([validated]);
    expect(given([by('official', submitted)]).when(validate('official', false))).toHaveLength(1);
  });

  it('knows no unknown submission and no second submit of one stream', () => {
    expect(given([]).when(validate())).toBe('SUBMISSION.NOT_FOUND');
    expect(given([submitted]).when({ type: 'SubmitData', ...key, observations: first, ...data })).toBe(
      'SUBMISSION.ALREADY_EXISTS',
    );
  });
});
