import { defineErrors } from '@rl/kernel';

export const PopulationErrors = defineErrors('POPULATION', {
  INVALID: { kind: 'bad_request', message: 'Each district needs a whole number of inhabitants' },
  INVALID_YEAR: { kind: 'bad_request', message: 'The year must be 1900-2100' },
});

// The code every malformed request answers with (a range whose ends are the wrong way round).
export const RequestErrors = defineErrors('REQUEST', {
  INVALID: { kind: 'bad_request', message: 'Invalid request' },
});
