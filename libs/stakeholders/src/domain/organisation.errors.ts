import { defineErrors } from '@rl/kernel';

export const OrganisationErrors = defineErrors('ORGANISATION', {
  ALREADY_EXISTS: { kind: 'conflict', message: 'This organisation is already registered' },
  NOT_FOUND: { kind: 'not_found', message: 'No such organisation' },
  NOTHING_TO_CHANGE: { kind: 'bad_request', message: 'Give at least one of name, kind' },
});
