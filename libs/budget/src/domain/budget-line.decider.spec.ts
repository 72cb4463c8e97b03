import { DeciderSpecification } from '@rl/kernel/testing';
import { budgetLineDecider, CreateBudgetLine } from './budget-line.decider';
import { BudgetLineEvent } from './budget.events';

const lineId = '0192f0aa-0000-7000-8000-00000000b001';
const callId = '0192f0aa-0000-7000-8000-00000000c001';
const [ind1, ind2, ind3] = ['a1', 'a2', 'a3'].map((n) => `0192f0aa-0000-7000-8000-0000000000${n}`);
const eur = (value: number) => ({ value, currency: 'EUR' });

const create: CreateBudgetLine = {
  type: 'CreateBudgetLine',
  lineId,
  code: ' SOC-1 ',
  title: 'Inclusion grants',
  year: 2025,
  amount: eur(1000),
  indicators: [ind1, ind2],
};
const createdEvent: BudgetLineEvent = {
  type: 'BudgetLineCreated',
  data: {
    lineId,
    code: 'SOC-1',
    title: 'Inclusion grants',
    year: 2025,
    amount: eur(1000),
    indicators: [ind1, ind2],
  },
};
const attached: BudgetLineEvent = { type: 'BudgetLineCallAttached', data: { lineId, callId } };
const committed = (projectId: string, value: number): BudgetLineEvent => ({
  type: 'BudgetLineFundsCommitted',
  data: { lineId, callId, projectId, amount: eur(value) },
});
const commit = (value: number, currency = 'EUR', indicators = [ind1]) => ({
  type: 'CommitFunds' as const,
  callId,
  projectId: 'p3',
  amount: { value, currency },
  indicators,
});
const spec = DeciderSpecification.for(budgetLineDecider);

describe('budget line decider', () => {
  it('creates a line with its code and title trimmed', () => {
    spec.given([]).when(create).then([createdEvent]);
  });

  it('refuses an unknown currency, naming amount.currency', () => {
    spec
      .given([])
      .when({ ...create, amount: { value: 1, currency: 'XYZ' } })
      .thenThrows('BUDGET.UNKNOWN_CURRENCY');
  });

  it('refuses amounts with more than two decimals and an indicator listed twice', () => {
    spec
      .given([])
      .when({ ...create, amount: eur(1.005) })
      .thenThrows('BUDGET.INVALID_AMOUNT');
    spec
      .given([])
      .when({ ...create, indicators: [ind1, ind1] })
      .thenThrows('BUDGET.DUPLICATE_INDICATOR');
  });

  it('commits funds within what is left on the line, in cents', () => {
    spec
      .given([createdEvent, attached, committed('p1', 600.1), committed('p2', 399.8)])
      .when(commit(0.1))
      .then([committed('p3', 0.1)]);
    spec
      .given([createdEvent, attached, committed('p1', 600.1), committed('p2', 399.8)])
      .when(commit(0.11))
      .thenThrows('BUDGET.OVER_BUDGET');
  });

  it('refuses funds in another currency, for a call it does not hold, or for an indicator not on the line', () => {
    spec.given([createdEvent, attached]).when(commit(1, 'USD')).thenThrows('BUDGET.CURRENCY_MISMATCH');
    spec.given([createdEvent]).when(commit(1)).thenThrows('BUDGET.CALL_NOT_FOUND');
    spec
      .given([createdEvent, attached])
      .when(commit(1, 'EUR', [ind3]))
      .thenThrows('BUDGET.NOT_ON_LINE');
  });

  it("attaches a call whose criteria are among the line's indicators", () => {
    spec
      .given([createdEvent])
      .when({ type: 'AttachCall', callId, indicators: [ind2] })
      .then([attached]);
    spec
      .given([createdEvent])
      .when({ type: 'AttachCall', callId, indicators: [ind3] })
      .thenThrows('BUDGET.NOT_ON_LINE');
  });

  it('revises only what changed, never below what projects take, currency locked once funded', () => {
    spec
      .given([createdEvent])
      .when({ type: 'ReviseBudgetLine', title: 'Inclusion grants', amount: eur(2000) })
      .then([{ type: 'BudgetLineRevised', data: { lineId, amount: eur(2000) } }]);
    spec
      .given([createdEvent, attached, committed('p1', 600)])
      .when({ type: 'ReviseBudgetLine', amount: eur(599.99) })
      .thenThrows('BUDGET.OVER_BUDGET');
    spec
      .given([createdEvent, attached, committed('p1', 600)])
      .when({ type: 'ReviseBudgetLine', amount: { value: 1000, currency: 'USD' } })
      .thenThrows('BUDGET.CURRENCY_LOCKED');
    spec
      .given([createdEvent])
      .when({ type: 'ReviseBudgetLine', title: undefined })
      .thenThrows('BUDGET.NOTHING_TO_CHANGE');
    spec.given([]).when({ type: 'ReviseBudgetLine', title: 'X' }).thenThrows('BUDGET.LINE_NOT_FOUND');
  });

  it('publishes and withdraws, recording nothing when the flag stays', () => {
    spec
      .given([createdEvent])
      .when({ type: 'SetBudgetLinePublication', public: true })
      .then([{ type: 'BudgetLinePublicationChanged', data: { lineId, public: true } }]);
    spec.given([createdEvent]).when({ type: 'SetBudgetLinePublication', public: false }).thenNothingHappens();
  });
});
