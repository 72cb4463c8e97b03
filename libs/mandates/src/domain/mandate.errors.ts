import { defineErrors } from '@rl/kernel';

export const MandateErrors = defineErrors('MANDATE', {
  NOT_FOUND: { kind: 'not_found', message: 'No such mandate of this organisation' },
  ORGANISATION_NOT_FOUND: { kind: 'not_found', message: 'No such organisation in this city' },
  ALREADY_EXISTS: { kind: 'conflict', message: 'This mandate is already recorded' },
  INVALID_DATE: { kind: 'invalid', message: 'A date is a calendar day YYYY-MM-DD' },
  INVALID_PERIOD: { kind: 'invalid', message: 'validUntil comes after validFrom' },
  EMPTY_SCOPE: {
    kind: 'invalid',
    message: 'A scope covers everything (all) or at least one indicator or task',
  },
  TOO_LARGE: {
    kind: 'invalid',
    message: 'A field of the mandate is longer or has more entries than allowed',
  },
  UNKNOWN_HOLDER: {
    kind: 'invalid',
    message: 'The holder is not an active member of this city belonging to the organisation',
  },
  UNKNOWN_INDICATOR: {
    kind: 'invalid',
    message: 'An indicator of the scope is not an indicator of this city',
  },
  UNKNOWN_TASK: { kind: 'invalid', message: 'A task of the scope is not a task of this city' },
  REVOKED: { kind: 'invalid', message: 'This mandate was revoked: it changes no more' },
  NOTHING_TO_CHANGE: {
    kind: 'bad_request',
    message: 'Give at least one of validFrom, validUntil, scope, documentRef',
  },
});
