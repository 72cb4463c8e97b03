import { DomainError } from '@rl/kernel';

export const auditStreamNotFound = (streamId: string) =>
  new DomainError('not_found', 'AUDIT.STREAM_NOT_FOUND', `No stream ${streamId} in this city`, [
    { field: 'streamId', message: 'no such stream in this city' },
  ]);

// One verification per city at a time; the client retries after it ends.
export const VERIFY_RETRY_AFTER_SECONDS = 5;
export const verificationRunning = () =>
  new DomainError(
    'rate_limited',
    'AUDIT.VERIFY_RUNNING',
    "A verification of this city's chain is already running; retry when it has finished",
    [],
    { retryAfterSeconds: VERIFY_RETRY_AFTER_SECONDS },
  );

// A configuration mistake surfaced when signing (the operator gave a new key an id already used):
// signing is unavailable until it is fixed.
export const keyIdReused = (keyId: string) =>
  new DomainError(
    'unavailable',
    'AUDIT.KEY_ID_REUSED',
    `Signing key id ${keyId} already belongs to another public key; give the new key its own AUDIT_SIGNING_KEY_ID`,
    [],
  );
