import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ClsServiceManager } from 'nestjs-cls';
import { DomainError } from '@rl/kernel';
import { RequestWithActor } from './actor';

// Who issued a command and under which request: recorded as the metadata of the events it appends.
export interface CommandMetadata {
  actorId: string;
  actorRole?: string;
  organisationId?: string | null;
  requestId?: string;
  correlationId?: string;
  idempotencyKey?: string;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const header = (request: Request, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export const CommandContext = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandMetadata => {
  const request = ctx.switchToHttp().getRequest<Request & RequestWithActor>();
  const actor = request.actor;
  if (!actor) throw new Error('CommandContext used on a route without an authenticated access rule');
  const idempotencyKey = header(request, 'idempotency-key');
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw new DomainError(
      'bad_request',
      'REQUEST.INVALID_IDEMPOTENCY_KEY',
      'Idempotency-Key must be 1-200 visible ASCII characters',
      [{ field: 'Idempotency-Key', message: 'must be 1-200 visible ASCII characters' }],
    );
  }
  const requestId = ClsServiceManager.getClsService().getId();
  return {
    actorId: actor.userId,
    actorRole: actor.role ?? (actor.isOperator ? 'operator' : undefined),
    organisationId: actor.organisationId ?? null,
    requestId,
    correlationId: header(request, 'x-correlation-id') ?? requestId,
    ...(idempotencyKey !== undefined && { idempotencyKey }),
  };
});

// The stream version a client last saw, from `If-Match: 3` (quotes and W/ tolerated). Required: a
// change without it could silently overwrite someone else's.
export const IfMatchVersion = createParamDecorator((_: unknown, ctx: ExecutionContext): number => {
  const raw = header(ctx.switchToHttp().getRequest<Request>(), 'if-match');
  if (raw === undefined) {
    throw new DomainError(
      'bad_request',
      'REQUEST.IF_MATCH_REQUIRED',
      'Send the version you last saw as If-Match',
      [{ field: 'If-Match', message: 'is required' }],
    );
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(raw.trim());
  if (!match) {
    throw new DomainError('bad_request', 'REQUEST.INVALID_IF_MATCH', 'If-Match must be a version number', [
      { field: 'If-Match', message: 'must be a version number such as 3' },
    ]);
  }
  return Number(match[1]);
});
