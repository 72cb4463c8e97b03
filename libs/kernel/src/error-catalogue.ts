import { DomainError, DomainErrorKind, FieldError } from './domain-error';

export interface ErrorOptions {
  // A more specific message than the catalogue's (e.g. naming the value at fault).
  message?: string;
  errors?: FieldError[];
  details?: Record<string, unknown>;
}

// One catalogued error: call it to build the DomainError; its code, kind and message also document the
// API (see ApiErrors in libs/web).
export interface CataloguedError {
  (options?: ErrorOptions): DomainError;
  readonly code: string;
  readonly kind: DomainErrorKind;
  readonly message: string;
}

type Definitions = Record<string, { kind: DomainErrorKind; message: string }>;

// A context's errors, defined once: `defineErrors('ORGANISATION', { NOT_FOUND: {...} })` gives
// `OrganisationErrors.NOT_FOUND()` with code 'ORGANISATION.NOT_FOUND'.
export function defineErrors<D extends Definitions>(
  context: string,
  definitions: D,
): { readonly [K in keyof D & string]: CataloguedError } {
  const catalogue: Record<string, CataloguedError> = {};
  for (const [name, { kind, message }] of Object.entries(definitions)) {
    const code = `${context}.${name}`;
    const build = (options: ErrorOptions = {}) =>
      new DomainError(kind, code, options.message ?? message, options.errors, options.details);
    catalogue[name] = Object.assign(build, { code, kind, message });
  }
  return catalogue as { readonly [K in keyof D & string]: CataloguedError };
}
