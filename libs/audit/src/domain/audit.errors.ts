import { defineErrors } from '@rl/kernel';

export const AuditErrors = defineErrors('AUDIT', {
  STREAM_NOT_FOUND: { kind: 'not_found', message: 'No such stream in this city' },
  VERIFY_RUNNING: {
    kind: 'rate_limited',
    message: "A verification of this city's chain is already running; retry when it has finished",
  },
  // A configuration mistake surfaced when signing (the operator gave a new key an id already used):
  // signing is unavailable until it is fixed.
  KEY_ID_REUSED: { kind: 'unavailable', message: 'The signing key id already belongs to another public key' },
});

export const auditStreamNotFound = (streamId: string) =>
  AuditErrors.STREAM_NOT_FOUND({
    message: `No stream ${streamId} in this city`,
    errors: [{ field: 'streamId', message: 'no such stream in this city' }],
  });

// One verification per city at a time; the client retries after it ends.
export const VERIFY_RETRY_AFTER_SECONDS = 5;
export const verificationRunning = () =>
  AuditErrors.VERIFY_RUNNING({ details: { retryAfterSeconds: VERIFY_RETRY_AFTER_SECONDS } });

export const keyIdReused = (keyId: string) =>
  AuditErrors.KEY_ID_REUSED({
    message: `Signing key id ${keyId} already belongs to another public key; give the new key its own AUDIT_SIGNING_KEY_ID`,
  });
