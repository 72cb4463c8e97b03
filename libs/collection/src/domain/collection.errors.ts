import { defineErrors } from '@rl/kernel';

export const CollectionErrors = defineErrors('COLLECTION', {
  NOT_FOUND: { kind: 'not_found', message: 'No such collection connection' },
  ALREADY_EXISTS: { kind: 'conflict', message: 'This connection already exists' },
  DISCONNECTED: { kind: 'conflict', message: 'This connection is disconnected' },
  INVALID: { kind: 'invalid', message: 'The connection is not valid' },
  UNKNOWN_TARGET: { kind: 'invalid', message: 'The assignment or indicator is not one of this city' },
  UNKNOWN_PUSH_URL: { kind: 'not_found', message: 'No such push URL' },
  INVALID_PUSH: {
    kind: 'invalid',
    message: 'A push carries one submission as a JSON object of at most 256 KiB',
  },
  TOO_MANY_PUSHES: { kind: 'rate_limited', message: 'Too many pushes from this address; try again shortly' },
});
