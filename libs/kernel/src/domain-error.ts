// How a domain error should be understood by a caller; the HTTP layer maps each kind to a status.
export type DomainErrorKind =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid'
  | 'unavailable'
  | 'rate_limited';

export interface FieldError {
  field: string;
  message: string;
}

// Errors that domain and application code raise; `code` is stable (clients switch on it), e.g.
// MEMBER.ALREADY_EXISTS. Handlers throw these, never HTTP exceptions.
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly errors: FieldError[] = [],
    // Extra machine-readable facts for the client, such as the current version on a conflict.
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
