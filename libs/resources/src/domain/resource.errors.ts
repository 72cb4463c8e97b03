import { defineErrors } from '@rl/kernel';

export const ResourceErrors = defineErrors('RESOURCE', {
  NOT_FOUND: { kind: 'not_found', message: 'No such resource' },
  ALREADY_EXISTS: { kind: 'conflict', message: 'This resource is already offered' },
  NOT_YOUR_ORGANISATION: {
    kind: 'forbidden',
    message: "A collector offers and changes only their own organisation's resources",
  },
  UNKNOWN_ORGANISATION: { kind: 'invalid', message: 'The offering organisation is not one of this city' },
  UNKNOWN_LINK: { kind: 'invalid', message: 'A linked indicator or task is not one of this city' },
  AMOUNT_NOT_FINANCIAL: { kind: 'invalid', message: 'Only a financial resource has an amount' },
  INVALID_AMOUNT: {
    kind: 'invalid',
    message: 'An amount is a non-negative value in an ISO 4217 currency, with no more decimals than it has',
  },
  INVALID_AVAILABILITY: {
    kind: 'invalid',
    message: 'An availability ends on or after the day it starts',
  },
  CONTACT_DATA: {
    kind: 'invalid',
    message: 'A contact role names a function (such as "volunteer coordinator"), not an e-mail or phone',
  },
  TOO_LARGE: {
    kind: 'invalid',
    message: 'A field of the resource is longer or has more entries than allowed',
  },
  NOTHING_TO_CHANGE: { kind: 'bad_request', message: 'A revision changes at least one field' },
  WITHDRAWN: { kind: 'conflict', message: 'This resource was withdrawn; it no longer changes' },
});
