import { defineErrors } from '@rl/kernel';

export const IndicatorErrors = defineErrors('INDICATOR', {
  ALREADY_EXISTS: { kind: 'conflict', message: 'This indicator is already defined' },
  NOT_FOUND: { kind: 'not_found', message: 'No such indicator' },
  NOTHING_TO_CHANGE: { kind: 'bad_request', message: 'Give at least one field to change' },
  INVALID_DEFINITION: { kind: 'bad_request', message: 'The definition breaks a rule that spans fields' },
  INVALID_TRANSITION: { kind: 'invalid', message: 'An indicator goes draft → active → retired only' },
  RETIRED: { kind: 'invalid', message: 'A retired indicator cannot change' },
  CODE_IMMUTABLE: {
    kind: 'invalid',
    message: 'The code of an indicator cannot change; define a new indicator instead',
  },
  CODE_TAKEN: { kind: 'conflict', message: 'The code is already used by another indicator of this city' },
  UNKNOWN_TERM: { kind: 'invalid', message: 'An indicator links only glossary terms of its city' },
});
