import { DeciderSpecification } from '@rl/kernel/testing';
import { callDecider, CreateCall } from './call.decider';
import { FundProject, fundedProjectDecider } from './funded-project.decider';

const [ind1, ind2] = ['a1', 'a2'].map((n) => `0192f0aa-0000-7000-8000-0000000000${n}`);
const callSpec = DeciderSpecification.for(callDecider);
const projectSpec = DeciderSpecification.for(fundedProjectDecider);

const createCall: CreateCall = {
  type: 'CreateCall',
  callId: 'c1',
  budgetLineId: 'l1',
  title: ' Neighbourhood projects ',
  opens: '2025-03-01T00:00:00+01:00',
  closes: '2025-04-30T23:59:59Z',
  criteria: [
    { indicatorId: ind1, description: 'Contribution to A', weight: 60.5 },
    { indicatorId: ind2, description: 'Contribution to B', weight: 39.5 },
  ],
};

const fund: FundProject = {
  type: 'FundProject',
  projectId: 'p1',
  callId: 'c1',
  budgetLineId: 'l1',
  organisationId: 'o1',
  title: 'Homework clubs',
  amount: { value: 500, currency: 'EUR' },
  contributions: [
    { indicatorId: ind1, expected: '40 pupils' },
    { indicatorId: ind2, expected: '10 families' },
  ],
};

describe('call decider', () => {
  it('creates a call with instants in UTC and criteria weighing 100 together', () => {
    callSpec
      .given([])
      .when(createCall)
      .then([
        {
          type: 'CallForProposalsCreated',
          data: {
            callId: 'c1',
            budgetLineId: 'l1',
            title: 'Neighbourhood projects',
            opens: '2025-02-28T23:00:00.000Z',
            closes: '2025-04-30T23:59:59.000Z',
            criteria: createCall.criteria,
          },
        },
      ]);
  });

  it('refuses a call that closes before it opens, weights over 100, or an indicator twice', () => {
    callSpec
      .given([])
      .when({ ...createCall, closes: createCall.opens })
      .thenThrows('BUDGET.CLOSES_BEFORE_OPENS');
    const heavy = createCall.criteria.map((c) => ({ ...c, weight: 50.01 }));
    callSpec
      .given([])
      .when({ ...createCall, criteria: heavy })
      .thenThrows('BUDGET.WEIGHTS_OVER_100');
    const twice = [createCall.criteria[0], createCall.criteria[0]];
    callSpec
      .given([])
      .when({ ...createCall, criteria: twice })
      .thenThrows('BUDGET.DUPLICATE_INDICATOR');
  });
});

describe('funded project decider', () => {
  it('funds a project once', () => {
    const { type: _type, ...data } = fund;
    projectSpec
      .given([])
      .when(fund)
      .then([{ type: 'ProjectFunded', data }]);
    projectSpec
      .given([{ type: 'ProjectFunded', data }])
      .when(fund)
      .thenThrows('BUDGET.ALREADY_EXISTS');
  });

  const { type: _type, ...data } = fund;
  const funded = { type: 'ProjectFunded' as const, data };

  it('records reported contributions that changed, for declared indicators only', () => {
    const report = (reported: string, indicatorId = ind1) => ({
      type: 'ReportContributions' as const,
      contributions: [{ indicatorId, reported }],
    });
    projectSpec
      .given([funded])
      .when(report('35 pupils'))
      .then([
        {
          type: 'ProjectContributionsReported',
          data: { projectId: 'p1', contributions: [{ indicatorId: ind1, reported: '35 pupils' }] },
        },
      ]);
    const reported = {
      type: 'ProjectContributionsReported' as const,
      data: { projectId: 'p1', contributions: [{ indicatorId: ind1, reported: '35 pupils' }] },
    };
    projectSpec.given([funded, reported]).when(report('35 pupils')).thenNothingHappens();
    projectSpec.given([funded]).when(report('x', 'other')).thenThrows('BUDGET.NOT_DECLARED');
    projectSpec.given([]).when(report('x')).thenThrows('BUDGET.PROJECT_NOT_FOUND');
    expect(projectSpec.given([funded, reported]).state()).toMatchObject({
      contributions: [
        { indicatorId: ind1, expected: '40 pupils', reported: '35 pupils' },
        { indicatorId: ind2, expected: '10 families', reported: null },
      ],
    });
  });
});
