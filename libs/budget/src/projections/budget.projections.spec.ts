import { recorded, rowAfter } from '@rl/projections/testing';
import { BudgetLineEvent, FundedProjectEvent } from '../domain/budget.events';
import { BudgetLinesProjection, FundedProjectsProjection } from './budget.projections';

const lineId = '00000000-0000-7000-8000-0000000000b1';
const projectId = '00000000-0000-7000-8000-0000000000d1';
const eur = (value: number) => ({ value, currency: 'EUR' });
const line = (event: BudgetLineEvent, version: number) => recorded<BudgetLineEvent>(event, { version });

describe('budget projections', () => {
  it('keeps a line with what projects take from it and its publication', () => {
    const created = line(
      {
        type: 'BudgetLineCreated',
        data: { lineId, code: 'SOC-1', title: 'Grants', year: 2025, amount: eur(1000), indicators: ['i1'] },
      },
      1,
    );
    const commit = (v: number, version: number) =>
      line(
        {
          type: 'BudgetLineFundsCommitted',
          data: { lineId, callId: 'c', projectId: `p${version}`, amount: eur(v) },
        },
        version,
      );
    const published = line({ type: 'BudgetLinePublicationChanged', data: { lineId, public: true } }, 5);
    const revised = line({ type: 'BudgetLineRevised', data: { lineId, title: 'Grants 2025' } }, 6);
    const row = rowAfter(new BudgetLinesProjection(), [
      created,
      commit(0.1, 3),
      commit(0.2, 4),
      published,
      revised,
    ]);
    expect(row).toEqual({
      id: lineId,
      code: 'SOC-1',
      title: 'Grants 2025',
      year: 2025,
      amount: 1000,
      currency: 'EUR',
      indicators: ['i1'],
      committed: 0.3,
      public: true,
      version: 6,
      createdAt: created.recordedAt,
      updatedAt: revised.recordedAt,
    });
  });

  it('folds reported contributions into the project they belong to', () => {
    const funded = recorded<FundedProjectEvent>({
      type: 'ProjectFunded',
      data: {
        projectId,
        callId: 'c',
        budgetLineId: lineId,
        organisationId: 'o',
        title: 'Clubs',
        amount: eur(10),
        contributions: [
          { indicatorId: 'i1', expected: '40' },
          { indicatorId: 'i2', expected: '10' },
        ],
      },
    });
    const reported = recorded<FundedProjectEvent>(
      {
        type: 'ProjectContributionsReported',
        data: { projectId, contributions: [{ indicatorId: 'i2', reported: '12' }] },
      },
      { version: 2 },
    );
    expect(rowAfter(new FundedProjectsProjection(), [funded, reported])).toMatchObject({
      amount: 10,
      currency: 'EUR',
      contributions: [
        { indicatorId: 'i1', expected: '40', reported: null },
        { indicatorId: 'i2', expected: '10', reported: '12' },
      ],
      version: 2,
    });
  });
});
