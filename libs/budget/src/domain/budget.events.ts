// Amounts: a decimal value (at most two decimals) in an ISO 4217 currency.
export interface Money {
  value: number;
  currency: string;
}

export interface Criterion {
  indicatorId: string;
  description: string;
  // A percentage of the call's assessment; the criteria of a call weigh at most 100 together.
  weight: number;
}

export interface Contribution {
  indicatorId: string;
  // What the project declares it will contribute to the indicator, and later what it did.
  expected: string;
  reported: string | null;
}

export type BudgetLineEvent =
  | {
      type: 'BudgetLineCreated';
      data: {
        lineId: string;
        code: string;
        title: string;
        year: number;
        amount: Money;
        indicators: string[];
      };
    }
  | {
      type: 'BudgetLineRevised';
      data: { lineId: string; title?: string; amount?: Money; indicators?: string[] };
    }
  | { type: 'BudgetLinePublicationChanged'; data: { lineId: string; public: boolean } }
  // The line's own record of what hangs on it: calls, and the money funded projects take from it.
  | { type: 'BudgetLineCallAttached'; data: { lineId: string; callId: string } }
  | {
      type: 'BudgetLineFundsCommitted';
      data: { lineId: string; callId: string; projectId: string; amount: Money };
    };

export type CallEvent = {
  type: 'CallForProposalsCreated';
  data: {
    callId: string;
    budgetLineId: string;
    title: string;
    opens: string;
    closes: string;
    criteria: Criterion[];
  };
};

export type FundedProjectEvent =
  | {
      type: 'ProjectFunded';
      data: {
        projectId: string;
        callId: string;
        budgetLineId: string;
        organisationId: string;
        title: string;
        amount: Money;
        contributions: { indicatorId: string; expected: string }[];
      };
    }
  | {
      type: 'ProjectContributionsReported';
      data: { projectId: string; contributions: { indicatorId: string; reported: string }[] };
    };

export type BudgetEvent = BudgetLineEvent | CallEvent | FundedProjectEvent;

export const BUDGET_LINE_EVENT_TYPES: readonly BudgetLineEvent['type'][] = [
  'BudgetLineCreated',
  'BudgetLineRevised',
  'BudgetLinePublicationChanged',
  'BudgetLineCallAttached',
  'BudgetLineFundsCommitted',
];
export const CALL_EVENT_TYPES: readonly CallEvent['type'][] = ['CallForProposalsCreated'];
export const FUNDED_PROJECT_EVENT_TYPES: readonly FundedProjectEvent['type'][] = [
  'ProjectFunded',
  'ProjectContributionsReported',
];

export const budgetLineStream = (lineId: string) => `budget-line-${lineId}`;
export const callStream = (callId: string) => `call-${callId}`;
export const fundedProjectStream = (projectId: string) => `funded-project-${projectId}`;
