import { asCityId } from '@rl/kernel';
import { SubmissionEvent } from '../domain/submission.events';

// Ids and events the reporting handler specs share.
export const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
export const indicatorId = '0192f0aa-0000-7000-8000-000000000011';
export const periodId = '0192f0aa-0000-7000-8000-000000000012';
export const organisationId = '0192f0aa-0000-7000-8000-000000000013';
export const submissionId = '0192f0aa-0000-7000-8000-000000000010';
export const assignmentId = '0192f0aa-0000-7000-8000-000000000003';

export const periodDefined = {
  type: 'PeriodDefined',
  data: {
    periodId,
    code: '2024-Q1',
    granularity: 'quarter',
    start: '2024-01-01',
    end: '2024-04-01',
    deadline: '2024-04-30T21:59:59.000Z',
    timezone: 'Europe/Brussels',
  },
} as const;

export const submittedData = {
  submissionId,
  indicatorId,
  periodId,
  organisationId,
  observations: [{ key: '', disaggregation: {}, value: 10, status: 'normal' as const }],
  late: false,
  definitionVersion: 1,
  series: 1,
};

export const submitted: SubmissionEvent = { type: 'SubmissionSubmitted', data: submittedData };
