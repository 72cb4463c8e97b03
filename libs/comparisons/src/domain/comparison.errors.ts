import { defineErrors } from '@rl/kernel';

export const PopulationErrors = defineErrors('POPULATION', {
  INVALID: { kind: 'bad_request', message: 'Each district needs a whole number of inhabitants' },
  INVALID_YEAR: { kind: 'bad_request', message: 'The year must be 1900-2100' },
});

// Codes of other contexts that comparison reads answer with (the city in a public path, a bad range).
export const CityErrors = defineErrors('CITY', {
  NOT_FOUND: { kind: 'not_found', message: 'No such city' },
});
export const RequestErrors = defineErrors('REQUEST', {
  INVALID: { kind: 'bad_request', message: 'Invalid request' },
});
