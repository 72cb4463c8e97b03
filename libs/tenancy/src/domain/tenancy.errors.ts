import { defineErrors } from '@rl/kernel';

export const CityErrors = defineErrors('CITY', {
  // Also what a non-member hears about an existing city: the two look the same.
  NOT_FOUND: { kind: 'not_found', message: 'No such city' },
  SLUG_TAKEN: { kind: 'conflict', message: 'A city with this slug already exists' },
});
