import { Decider } from '@rl/kernel';
import { assertDistinct } from './budget-limits';
import { BudgetErrors } from './budget.errors';
import { CALL_EVENT_TYPES, CallEvent, Criterion } from './budget.events';

export type CallState =
  | { exists: false }
  | {
      exists: true;
      callId: string;
      budgetLineId: string;
      title: string;
      opens: string;
      closes: string;
      criteria: Criterion[];
    };

export type CreateCall = {
  type: 'CreateCall';
  callId: string;
  budgetLineId: string;
  title: string;
  opens: string;
  closes: string;
  criteria: Criterion[];
};

// Criteria describe how a project contributes to an indicator, to weigh proposals, not to exclude
// actors: weights are percentages of the assessment, at most 100 together (the rest is the assessors'
// open judgement), each indicator once.
function decide(command: CreateCall, state: CallState): CallEvent[] {
  if (state.exists) throw BudgetErrors.ALREADY_EXISTS();
  if (Date.parse(command.closes) <= Date.parse(command.opens))
    throw BudgetErrors.CLOSES_BEFORE_OPENS({ errors: [{ field: 'closes', message: 'must be after opens' }] });
  assertDistinct(
    command.criteria.map((c) => c.indicatorId),
    (i) => `criteria[${i}].indicatorId`,
  );
  const total = command.criteria.reduce((sum, c) => sum + Math.round(c.weight * 100), 0) / 100;
  if (total > 100)
    throw BudgetErrors.WEIGHTS_OVER_100({
      message: `The criteria weigh ${total} together; at most 100`,
      errors: [{ field: 'criteria', message: `weights sum to ${total}, more than 100` }],
    });
  const { type: _type, ...data } = command;
  return [
    {
      type: 'CallForProposalsCreated',
      data: {
        ...data,
        title: data.title.trim(),
        opens: new Date(data.opens).toISOString(),
        closes: new Date(data.closes).toISOString(),
      },
    },
  ];
}

export const callDecider: Decider<CallState, CreateCall, CallEvent> = {
  initialState: () => ({ exists: false }),
  decide,
  evolve: (_, event) => ({ exists: true, ...event.data }),
  eventTypes: CALL_EVENT_TYPES,
};
