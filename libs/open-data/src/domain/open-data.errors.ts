import { defineErrors } from '@rl/kernel';

export const OpenDataErrors = defineErrors('OPEN_DATA', {
  NOT_FOUND: { kind: 'not_found', message: 'No such public indicator in this city' },
  UNKNOWN_FORMAT: { kind: 'bad_request', message: 'Unknown export format' },
});
