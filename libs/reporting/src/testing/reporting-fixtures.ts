import { asCityId } from '@rl/kernel';
import { parsePeriodCode } from '../domain/period-code';
import { periodDecider } from '../domain/period.decider';
import { SubmissionEvent } from '../domain/submission.events';

// Ids and events the reporting handler specs share.
export const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
export const indicatorId = '0192f0aa-0000-7000-8000-000000000011';
export const periodId = '0192f0aa-0000-7000-8000-000000000012';
export const organisationId = '0192f0aa-0000-7000-8000-000000000013';
export const submissionId = '0192f0aa-0000-7000-8000-000000000010';
export const assignmentId = '0192f0aa-0000-7000-8000-000000000003';

// 2024-Q1, due 30 April 2024 at the end of the day in Brussels.
export const [periodDefined] = periodDecider.decide(
  {
    type: 'DefinePeriod',
    periodId,
    period: parsePeriodCode('2024-Q1'),
    deadline: new Date('2024-04-30T21:59:59Z'),
    timezone: 'Europe/Brussels',
  },
  periodDecider.initialState(),
);

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
