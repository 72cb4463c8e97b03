import { defineErrors } from '@rl/kernel';

export const DisclosureErrors = defineErrors('DISCLOSURE', {
  INVALID_MIN_COUNT: { kind: 'bad_request', message: 'minCount must be a whole number from 1 to 1,000,000' },
  SECONDARY_REQUIRED: {
    kind: 'bad_request',
    message: 'Secondary suppression cannot be turned off: a hidden cell could be recovered from the totals',
  },
});
