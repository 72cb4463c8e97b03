import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldError } from '@rl/kernel';

// Flattens nested class-validator errors into `path.to.field` entries.
export function fieldErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

export const createValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const list = fieldErrors(errors);
      return new DomainError(
        'bad_request',
        'REQUEST.INVALID',
        `Invalid request: ${list.map((e) => e.field).join(', ')}`,
        list,
      );
    },
  });
