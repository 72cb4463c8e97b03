import { Decider } from '@rl/kernel';
import { assertAmong, assertDistinct, assertMoney, BUDGET_LIMITS, cents } from './budget-limits';
import { BudgetErrors } from './budget.errors';
import { BUDGET_LINE_EVENT_TYPES, BudgetLineEvent, Money } from './budget.events';

export type BudgetLineState =
  | { exists: false }
  | {
      exists: true;
      lineId: string;
      code: string;
      year: number;
      title: string;
      amount: Money;
      indicators: string[];
      public: boolean;
      committedCents: number;
      calls: string[];
      projects: number;
    };

export type CreateBudgetLine = {
  type: 'CreateBudgetLine';
  lineId: string;
  code: string;
  title: string;
  year: number;
  amount: Money;
  indicators: string[];
};

export type BudgetLineCommand =
  | CreateBudgetLine
  | { type: 'ReviseBudgetLine'; title?: string; amount?: Money; indicators?: string[] }
  | { type: 'SetBudgetLinePublication'; public: boolean }
  | { type: 'AttachCall'; callId: string; indicators: string[] }
  | { type: 'CommitFunds'; callId: string; projectId: string; amount: Money; indicators: string[] };

type Line = Extract<BudgetLineState, { exists: true }>;

const nothingGiven = (command: object) =>
  Object.entries(command).every(([key, value]) => key === 'type' || value === undefined);
const indicatorField = (i: number) => `indicators[${i}]`;
const sameMoney = (a: Money, b: Money) => a.currency === b.currency && cents(a.value) === cents(b.value);
const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function revise(
  line: Line,
  command: Extract<BudgetLineCommand, { type: 'ReviseBudgetLine' }>,
): BudgetLineEvent[] {
  const changes: { title?: string; amount?: Money; indicators?: string[] } = {};
  if (command.title !== undefined && command.title.trim() !== line.title)
    changes.title = command.title.trim();
  if (command.amount !== undefined && !sameMoney(command.amount, line.amount)) {
    assertMoney(command.amount, 'amount');
    if (command.amount.currency !== line.amount.currency && line.projects > 0)
      throw BudgetErrors.CURRENCY_LOCKED({
        errors: [{ field: 'amount.currency', message: 'projects are funded' }],
      });
    if (cents(command.amount.value) < line.committedCents)
      throw BudgetErrors.OVER_BUDGET({
        message: `Funded projects already take ${line.committedCents / 100} ${line.amount.currency}`,
        errors: [{ field: 'amount.value', message: 'is below what funded projects take' }],
      });
    changes.amount = command.amount;
  }
  if (command.indicators !== undefined && !sameList(command.indicators, line.indicators)) {
    assertDistinct(command.indicators, indicatorField);
    changes.indicators = command.indicators;
  }
  return Object.keys(changes).length === 0
    ? []
    : [{ type: 'BudgetLineRevised', data: { lineId: line.lineId, ...changes } }];
}

function decide(command: BudgetLineCommand, state: BudgetLineState): BudgetLineEvent[] {
  if (command.type === 'CreateBudgetLine') {
    if (state.exists) throw BudgetErrors.ALREADY_EXISTS();
    assertMoney(command.amount, 'amount');
    assertDistinct(command.indicators, indicatorField);
    const { type: _type, ...data } = command;
    return [
      { type: 'BudgetLineCreated', data: { ...data, code: data.code.trim(), title: data.title.trim() } },
    ];
  }
  if (command.type === 'ReviseBudgetLine' && nothingGiven(command)) throw BudgetErrors.NOTHING_TO_CHANGE();
  if (!state.exists) throw BudgetErrors.LINE_NOT_FOUND();
  const { lineId } = state;
  switch (command.type) {
    case 'ReviseBudgetLine':
      return revise(state, command);
    case 'SetBudgetLinePublication':
      return state.public === command.public
        ? []
        : [{ type: 'BudgetLinePublicationChanged', data: { lineId, public: command.public } }];
    case 'AttachCall':
      if (state.calls.length >= BUDGET_LIMITS.callsPerLine)
        throw BudgetErrors.TOO_MANY({
          message: `A budget line holds at most ${BUDGET_LIMITS.callsPerLine} calls`,
        });
      assertAmong(
        command.indicators,
        state.indicators,
        BudgetErrors.NOT_ON_LINE,
        (i) => `criteria[${i}].indicatorId`,
      );
      return [{ type: 'BudgetLineCallAttached', data: { lineId, callId: command.callId } }];
    case 'CommitFunds': {
      if (!state.calls.includes(command.callId)) throw BudgetErrors.CALL_NOT_FOUND();
      if (state.projects >= BUDGET_LIMITS.projectsPerLine)
        throw BudgetErrors.TOO_MANY({
          message: `A budget line funds at most ${BUDGET_LIMITS.projectsPerLine} projects`,
        });
      assertMoney(command.amount, 'amount');
      if (command.amount.currency !== state.amount.currency)
        throw BudgetErrors.CURRENCY_MISMATCH({
          errors: [
            { field: 'amount.currency', message: `must be ${state.amount.currency}, the line's currency` },
          ],
        });
      const left = cents(state.amount.value) - state.committedCents;
      if (cents(command.amount.value) > left)
        throw BudgetErrors.OVER_BUDGET({
          message: `The budget line has ${left / 100} ${state.amount.currency} left`,
          errors: [{ field: 'amount.value', message: `exceeds the ${left / 100} left on the budget line` }],
          details: { left: left / 100 },
        });
      assertAmong(
        command.indicators,
        state.indicators,
        BudgetErrors.NOT_ON_LINE,
        (i) => `contributions[${i}].indicatorId`,
      );
      const { callId, projectId, amount } = command;
      return [{ type: 'BudgetLineFundsCommitted', data: { lineId, callId, projectId, amount } }];
    }
  }
}

function evolve(state: BudgetLineState, event: BudgetLineEvent): BudgetLineState {
  if (event.type === 'BudgetLineCreated')
    return { exists: true, ...event.data, public: false, committedCents: 0, calls: [], projects: 0 };
  if (!state.exists) return state;
  switch (event.type) {
    case 'BudgetLineRevised': {
      const { lineId: _id, ...changes } = event.data;
      return { ...state, ...changes };
    }
    case 'BudgetLinePublicationChanged':
      return { ...state, public: event.data.public };
    case 'BudgetLineCallAttached':
      return { ...state, calls: [...state.calls, event.data.callId] };
    case 'BudgetLineFundsCommitted':
      return {
        ...state,
        committedCents: state.committedCents + cents(event.data.amount.value),
        projects: state.projects + 1,
      };
  }
}

export const budgetLineDecider: Decider<BudgetLineState, BudgetLineCommand, BudgetLineEvent> = {
  initialState: () => ({ exists: false }),
  decide,
  evolve,
  eventTypes: BUDGET_LINE_EVENT_TYPES,
};
