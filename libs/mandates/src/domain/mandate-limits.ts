import { FieldError } from '@rl/kernel';
import { MandateErrors } from './mandate.errors';
import { MandateScope, MandateSigner } from './mandate.events';

// Size limits of a mandate, held by the decider whatever the entry point; the DTOs read the same numbers.
export const MANDATE_LIMITS = {
  scopeIds: 200,
  signerName: 200,
  signerFunction: 200,
  documentRef: 500,
  reason: 2000,
} as const;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

// A real calendar day: 2025-02-30 is not one.
export function isCalendarDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

export function assertDates(validFrom: string, validUntil: string | null): void {
  const bad = [
    ...(isCalendarDay(validFrom) ? [] : ['validFrom']),
    ...(validUntil === null || isCalendarDay(validUntil) ? [] : ['validUntil']),
  ];
  if (bad.length > 0) {
    throw MandateErrors.INVALID_DATE({
      errors: bad.map((field) => ({ field, message: 'must be a calendar day YYYY-MM-DD' })),
    });
  }
  // ISO days compare as text.
  if (validUntil !== null && validUntil <= validFrom) {
    throw MandateErrors.INVALID_PERIOD({
      errors: [{ field: 'validUntil', message: 'must be after validFrom' }],
    });
  }
}

const tooLong = (field: string, value: string | null | undefined, max: number): FieldError[] =>
  value !== null && value !== undefined && value.length > max
    ? [{ field, message: `must be at most ${max} characters` }]
    : [];

export function assertScope(scope: MandateScope): void {
  const tooMany = (['indicators', 'tasks'] as const)
    .filter((list) => scope[list].length > MANDATE_LIMITS.scopeIds)
    .map((list) => ({ field: `scope.${list}`, message: `must have at most ${MANDATE_LIMITS.scopeIds} ids` }));
  if (tooMany.length > 0) throw MandateErrors.TOO_LARGE({ errors: tooMany });
  if (!scope.all && scope.indicators.length === 0 && scope.tasks.length === 0) {
    throw MandateErrors.EMPTY_SCOPE({
      errors: [{ field: 'scope', message: 'set all, or list at least one indicator or task' }],
    });
  }
}

export function assertTexts(texts: {
  signedBy?: MandateSigner;
  documentRef?: string | null;
  reason?: string;
}): void {
  const errors = [
    ...tooLong('signedBy.name', texts.signedBy?.name, MANDATE_LIMITS.signerName),
    ...tooLong('signedBy.function', texts.signedBy?.function, MANDATE_LIMITS.signerFunction),
    ...tooLong('documentRef', texts.documentRef, MANDATE_LIMITS.documentRef),
    ...tooLong('reason', texts.reason, MANDATE_LIMITS.reason),
  ];
  if (errors.length > 0) throw MandateErrors.TOO_LARGE({ errors });
}

// Scope ids listed once each, in the order given.
export const normaliseScope = (scope: Partial<MandateScope>): MandateScope => ({
  all: scope.all ?? false,
  indicators: [...new Set(scope.indicators ?? [])],
  tasks: [...new Set(scope.tasks ?? [])],
});
