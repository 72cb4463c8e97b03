import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '@rl/kernel';

// Like IfMatchVersion from @rl/web, but optional: undefined when the client sent no If-Match. For
// whole-document replacements (PUT), where writing without a precondition loses nobody's partial edit.
export const OptionalIfMatchVersion = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): number | undefined => {
    const raw = ctx.switchToHttp().getRequest<Request>().headers['if-match'];
    if (raw === undefined) return undefined;
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(raw.trim());
    if (!match) {
      throw new DomainError('bad_request', 'REQUEST.INVALID_IF_MATCH', 'If-Match must be a version number', [
        { field: 'If-Match', message: 'must be a version number such as 3' },
      ]);
    }
    return Number(match[1]);
  },
);
