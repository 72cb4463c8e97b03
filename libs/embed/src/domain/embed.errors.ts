import { defineErrors } from '@rl/kernel';

export const EmbedErrors = defineErrors('EMBED', {
  BAD_RANGE: { kind: 'bad_request', message: 'to must not come before from' },
  UNKNOWN_DIMENSION: { kind: 'bad_request', message: 'The indicator is not disaggregated by that dimension' },
});
