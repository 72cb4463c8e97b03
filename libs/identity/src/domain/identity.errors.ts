import { defineErrors } from '@rl/kernel';

// Every error of the identity context, one catalogue per code prefix the API already uses.
export const AuthErrors = defineErrors('AUTH', {
  UNAUTHENTICATED: { kind: 'unauthenticated', message: 'The access token is missing, invalid or expired' },
  INVALID_CREDENTIALS: { kind: 'unauthenticated', message: 'E-mail address or password is wrong' },
  INVALID_REFRESH_TOKEN: {
    kind: 'unauthenticated',
    message: 'The refresh token is invalid, expired or revoked',
  },
  REFRESH_TOKEN_REUSED: {
    kind: 'unauthenticated',
    message: 'This refresh token was already used; the session has been revoked. Please log in again.',
  },
  WRONG_PASSWORD: { kind: 'invalid', message: 'The current password is wrong' },
  PASSWORD_CHANGED: { kind: 'conflict', message: 'The password was changed meanwhile' },
  OPERATOR_ONLY: { kind: 'forbidden', message: 'Only platform operators may do this' },
  ROLE_NOT_ALLOWED: { kind: 'forbidden', message: 'Your role may not do this in this city' },
  TOO_MANY_ATTEMPTS: { kind: 'rate_limited', message: 'Too many attempts (Retry-After says when to retry)' },
});

export const MemberErrors = defineErrors('MEMBER', {
  ALREADY_EXISTS: { kind: 'conflict', message: 'This person is already a member of the city' },
  NOT_FOUND: { kind: 'not_found', message: 'No such member in this city' },
  NOT_PENDING: { kind: 'conflict', message: 'This member has already accepted' },
  NOTHING_TO_CHANGE: { kind: 'bad_request', message: 'Give at least one of role, organisationId, active' },
  INVITATION_PENDING: { kind: 'conflict', message: 'This person has not accepted the membership yet' },
  LAST_COORDINATOR: {
    kind: 'conflict',
    message: 'The city would be left without an active coordinator; appoint another coordinator first',
  },
  UNKNOWN_ORGANISATION: { kind: 'invalid', message: 'No such organisation in this city' },
});

export const InvitationErrors = defineErrors('INVITATION', {
  INVALID: { kind: 'invalid', message: 'The invitation is unknown, expired or already used' },
  ACCOUNT_ALREADY_ACTIVE: {
    kind: 'conflict',
    message: 'This account already has a password; log in and accept under /v1/me/invitations',
  },
  NOT_FOUND: { kind: 'not_found', message: 'No pending invitation of yours has this id' },
});

export const PasswordResetErrors = defineErrors('PASSWORD_RESET', {
  INVALID: { kind: 'invalid', message: 'The password-reset token is unknown, expired or already used' },
});

export const PersonErrors = defineErrors('PERSON', {
  NOT_FOUND: { kind: 'not_found', message: 'No such person' },
});
