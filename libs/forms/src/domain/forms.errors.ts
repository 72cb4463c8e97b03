import { defineErrors } from '@rl/kernel';

export const FormsErrors = defineErrors('FORMS', {
  NO_OPEN_WORK: { kind: 'not_found', message: 'Your organisation has no open assignment in this city' },
});
