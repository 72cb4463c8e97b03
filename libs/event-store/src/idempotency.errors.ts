import { DomainError } from '@rl/kernel';
import { AppendResult } from './event.types';

const FIELD = 'Idempotency-Key';

// The key was first used for another request (other body, route parameters or file).
export const keyReused = () =>
  new DomainError(
    'invalid',
    'IDEMPOTENCY.KEY_REUSED',
    'This Idempotency-Key was already used for a different request; use a new key for a new request',
    [{ field: FIELD, message: 'was already used with a different request body' }],
  );

// A command whose result cannot be replayed (it answers more than an append) was already applied under
// the key: the client learns where, and nothing is appended twice.
export const alreadyApplied = (earlier: AppendResult) =>
  new DomainError(
    'conflict',
    'IDEMPOTENCY.ALREADY_APPLIED',
    'A request with this Idempotency-Key was already applied',
    [{ field: FIELD, message: 'was already applied' }],
    { ...earlier },
  );
