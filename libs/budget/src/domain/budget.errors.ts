import { defineErrors } from '@rl/kernel';

export const BudgetErrors = defineErrors('BUDGET', {
  LINE_NOT_FOUND: { kind: 'not_found', message: 'No such budget line' },
  CALL_NOT_FOUND: { kind: 'not_found', message: 'No such call for proposals' },
  PROJECT_NOT_FOUND: { kind: 'not_found', message: 'No such funded project' },
  ALREADY_EXISTS: { kind: 'conflict', message: 'This object is already recorded' },
  CODE_TAKEN: { kind: 'conflict', message: 'The city already has a budget line with this code in this year' },
  NOTHING_TO_CHANGE: { kind: 'bad_request', message: 'Give at least one field to change' },
  UNKNOWN_LINE: { kind: 'invalid', message: 'No such budget line in this city' },
  UNKNOWN_INDICATOR: { kind: 'invalid', message: 'Not an indicator of this city' },
  UNKNOWN_ORGANISATION: { kind: 'invalid', message: 'Not an organisation of this city' },
  UNKNOWN_CURRENCY: { kind: 'invalid', message: 'Not an ISO 4217 currency code' },
  INVALID_AMOUNT: { kind: 'invalid', message: 'An amount is positive, with at most two decimals' },
  CURRENCY_MISMATCH: { kind: 'invalid', message: "Amounts are in the budget line's currency" },
  CURRENCY_LOCKED: { kind: 'invalid', message: 'The currency of a line with funded projects stays' },
  OVER_BUDGET: { kind: 'invalid', message: "Funded projects may not exceed the budget line's amount" },
  DUPLICATE_INDICATOR: { kind: 'invalid', message: 'Each indicator appears once' },
  NOT_ON_LINE: { kind: 'invalid', message: "Not one of the budget line's indicators" },
  NOT_DECLARED: { kind: 'invalid', message: "Not one of the project's declared contributions" },
  CLOSES_BEFORE_OPENS: { kind: 'invalid', message: 'A call closes after it opens' },
  WEIGHTS_OVER_100: { kind: 'invalid', message: "A call's criteria weigh at most 100 together" },
  TOO_MANY: { kind: 'invalid', message: 'A budget line holds a bounded number of calls and projects' },
});
