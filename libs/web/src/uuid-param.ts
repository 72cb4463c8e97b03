import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@rl/kernel';

// A path parameter that must be a UUID: anything else is a 400 naming it, never a database error.
export const uuidParam = (name: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () =>
      new DomainError('bad_request', 'REQUEST.INVALID', `${name} must be a UUID`, [
        { field: name, message: 'must be a UUID' },
      ]),
  });
