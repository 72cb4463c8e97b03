import { BudgetErrors } from './budget.errors';
import { Money } from './budget.events';

// Sizes the domain holds to (the DTOs read the same numbers), so hostile input stays bounded.
export const BUDGET_LIMITS = {
  code: 40,
  title: 200,
  text: 1000,
  year: { min: 1900, max: 2200 },
  // Largest amount: a trillion, so that sums in cents stay exact integers.
  amount: 1e12,
  indicatorsPerLine: 50,
  criteriaPerCall: 20,
  contributionsPerProject: 50,
  callsPerLine: 50,
  projectsPerLine: 200,
} as const;

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

// Sums are kept in cents: decimal fractions do not add up exactly as binary floats.
export const cents = (value: number) => Math.round(value * 100);

// A positive number of at most two decimals, up to `max`.
export const isInCents = (value: unknown, max: number): value is number =>
  typeof value === 'number' &&
  Number.isFinite(value) &&
  value > 0 &&
  value <= max &&
  Math.abs(cents(value) - value * 100) < 1e-6;

export function assertMoney(amount: Money, field: string): void {
  if (!CURRENCIES.has(amount.currency)) {
    throw BudgetErrors.UNKNOWN_CURRENCY({
      errors: [{ field: `${field}.currency`, message: `${amount.currency} is not an ISO 4217 currency` }],
    });
  }
  if (!isInCents(amount.value, BUDGET_LIMITS.amount)) {
    throw BudgetErrors.INVALID_AMOUNT({
      errors: [
        { field: `${field}.value`, message: 'must be positive, at most 1e12, with at most two decimals' },
      ],
    });
  }
}

// Each id once; `field(i)` names the entry at fault.
export function assertDistinct(ids: readonly string[], field: (i: number) => string): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) {
      throw BudgetErrors.DUPLICATE_INDICATOR({
        errors: [{ field: field(i), message: `${id} appears twice` }],
      });
    }
    seen.add(id);
  });
}

// Every id among `allowed`, or `error` naming the first one that is not.
export function assertAmong(
  ids: readonly string[],
  allowed: readonly string[],
  error: typeof BudgetErrors.NOT_ON_LINE,
  field: (i: number) => string,
): void {
  const i = ids.findIndex((id) => !allowed.includes(id));
  if (i >= 0) throw error({ errors: [{ field: field(i), message: `${ids[i]}: ${error.message}` }] });
}
