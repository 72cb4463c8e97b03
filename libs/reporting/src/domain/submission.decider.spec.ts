import { DeciderSpecification } from '@rl/kernel/testing';
import { AuthoredSubmissionEvent, SubmissionCommand, submissionDecider } from './submission.decider';
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

const given = (events: AuthoredSubmissionEvent[]) =>
  DeciderSpecification.for(submissionDecider).given(events);

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
    given([])
      .when({ type: 'SubmitData', ...key, observations: first, ...data, source: 'city registry' })
      .then([submitted]);
  });

  it('returns a submitted one with the reason', () => {
    given([submitted]).when({ type: 'ReturnSubmission', reason: 'Check 2024' }).then([returned]);
  });

  it('corrects a returned (or still submitted) one, superseding the observations', () => {
    given([submitted, returned]).when(correct).then([corrected]);
    given([submitted]).when(correct).then([corrected]);
  });

  it('validates the latest observations', () => {
    given([submitted, returned, corrected]).when(validate()).then([validated]);
  });

  it('refuses invalid transitions', () => {
    given([submitted, returned]).when(validate()).thenThrows('SUBMISSION.INVALID_TRANSITION');
    given([submitted, returned])
      .when({ type: 'ReturnSubmission', reason: 'again' })
      .thenThrows('SUBMISSION.INVALID_TRANSITION');
    given([submitted, validated]).when(correct).thenThrows('SUBMISSION.INVALID_TRANSITION');
    given([submitted, validated]).when(validate()).thenThrows('SUBMISSION.INVALID_TRANSITION');
  });

  it('keeps whoever submitted or last corrected from validating, unless four eyes is off', () => {
    const history = [by('collector', submitted), by('official', returned), by('corrector', corrected)];
    given(history).when(validate('collector')).thenThrows('SUBMISSION.SAME_PERSON');
    given(history).when(validate('corrector')).thenThrows('SUBMISSION.SAME_PERSON');
    given(history).when(validate('official')).then([validated]);
    given(history).when(validate('collector', false)).then([validated]);
    given([by('official', submitted)])
      .when(validate('official', false))
      .then([{ type: 'SubmissionValidated', data: { ...key, observations: first, late: false, series: 1 } }]);
  });

  it('knows no unknown submission and no second submit of one stream', () => {
    given([]).when(validate()).thenThrows('SUBMISSION.NOT_FOUND');
    given([submitted])
      .when({ type: 'SubmitData', ...key, observations: first, ...data })
      .thenThrows('SUBMISSION.ALREADY_EXISTS');
  });
});
