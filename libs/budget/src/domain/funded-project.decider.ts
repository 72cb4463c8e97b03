import { Decider } from '@rl/kernel';
import { assertAmong, assertDistinct } from './budget-limits';
import { BudgetErrors } from './budget.errors';
import { Contribution, FUNDED_PROJECT_EVENT_TYPES, FundedProjectEvent, Money } from './budget.events';

export type FundedProjectState =
  { exists: false } | { exists: true; projectId: string; callId: string; contributions: Contribution[] };

export type FundProject = {
  type: 'FundProject';
  projectId: string;
  callId: string;
  budgetLineId: string;
  organisationId: string;
  title: string;
  amount: Money;
  contributions: { indicatorId: string; expected: string }[];
};

export type FundedProjectCommand =
  FundProject | { type: 'ReportContributions'; contributions: { indicatorId: string; reported: string }[] };

const field = (i: number) => `contributions[${i}].indicatorId`;

// The line's decider has checked the amount and the indicators against the line.
function decide(command: FundedProjectCommand, state: FundedProjectState): FundedProjectEvent[] {
  const ids = command.contributions.map((c) => c.indicatorId);
  assertDistinct(ids, field);
  if (command.type === 'FundProject') {
    if (state.exists) throw BudgetErrors.ALREADY_EXISTS();
    const { type: _type, ...data } = command;
    return [{ type: 'ProjectFunded', data: { ...data, title: data.title.trim() } }];
  }
  if (!state.exists) throw BudgetErrors.PROJECT_NOT_FOUND();
  assertAmong(
    ids,
    state.contributions.map((c) => c.indicatorId),
    BudgetErrors.NOT_DECLARED,
    field,
  );
  const changed = command.contributions.filter(
    (c) => state.contributions.find((d) => d.indicatorId === c.indicatorId)?.reported !== c.reported,
  );
  if (changed.length === 0) return [];
  return [
    { type: 'ProjectContributionsReported', data: { projectId: state.projectId, contributions: changed } },
  ];
}

// Reported contributions replace earlier reports of the same indicator.
export function withReports(
  contributions: readonly Contribution[],
  reports: readonly { indicatorId: string; reported: string }[],
): Contribution[] {
  return contributions.map((c) => {
    const report = reports.find((r) => r.indicatorId === c.indicatorId);
    return report ? { ...c, reported: report.reported } : c;
  });
}

function evolve(state: FundedProjectState, event: FundedProjectEvent): FundedProjectState {
  if (event.type === 'ProjectFunded') {
    const { projectId, callId, contributions } = event.data;
    return {
      exists: true,
      projectId,
      callId,
      contributions: contributions.map((c) => ({ ...c, reported: null })),
    };
  }
  return state.exists
    ? { ...state, contributions: withReports(state.contributions, event.data.contributions) }
    : state;
}

export const fundedProjectDecider: Decider<FundedProjectState, FundedProjectCommand, FundedProjectEvent> = {
  initialState: () => ({ exists: false }),
  decide,
  evolve,
  eventTypes: FUNDED_PROJECT_EVENT_TYPES,
};
