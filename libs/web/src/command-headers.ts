import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { ClsServiceManager } from 'nestjs-cls';
import { canonicalJson, DomainError } from '@rl/kernel';
import { RequestWithActor } from './actor';

// Who issued a command and under which request: recorded as the metadata of the events it appends.
export interface CommandMetadata {
  actorId: string;
  actorRole?: string;
  organisationId?: string | null;
  requestId?: string;
  correlationId?: string;
  // The client's Idempotency-Key scoped to (actor, route), and a hash of the request it names.
  idempotencyKey?: string;
  requestFingerprint?: string;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
// Correlation ids go into the immutable event metadata: short, and nothing that could forge log lines.
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const header = (request: Request, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

function checked(request: Request, name: string, pattern: RegExp, code: string, rule: string) {
  const value = header(request, name.toLowerCase());
  if (value !== undefined && !pattern.test(value)) {
    throw new DomainError('bad_request', code, `${name} must be ${rule}`, [
      { field: name, message: `must be ${rule}` },
    ]);
  }
  return value;
}

// Another member's (or another route's) identical key is another key; hashed, so that no client text
// reaches the immutable metadata.
function scopedKey(request: Request, actorId: string, clientKey: string): string {
  const route = (request.route as { path?: string } | undefined)?.path ?? request.path;
  return sha256(canonicalJson([actorId, request.method, `${request.baseUrl}${route}`, clientKey]));
}

// What the key is bound to: the route's parameters, the body as sent, and an uploaded file's content.
function requestFingerprint(request: Request): string {
  const file = (request as { file?: { buffer?: Buffer } }).file?.buffer;
  const body: unknown = request.body;
  return sha256(canonicalJson({ params: request.params, body, file: file ? sha256(file) : null }));
}

export const CommandContext = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandMetadata => {
  const request = ctx.switchToHttp().getRequest<Request & RequestWithActor>();
  const actor = request.actor;
  if (!actor) throw new Error('CommandContext used on a route without an authenticated access rule');
  const clientKey = checked(
    request,
    'Idempotency-Key',
    IDEMPOTENCY_KEY,
    'REQUEST.INVALID_IDEMPOTENCY_KEY',
    '1-200 visible ASCII characters',
  );
  const correlationId = checked(
    request,
    'X-Correlation-ID',
    CORRELATION_ID,
    'REQUEST.INVALID_CORRELATION_ID',
    '1-128 characters of A-Z a-z 0-9 . _ : -',
  );
  const requestId = ClsServiceManager.getClsService().getId();
  return {
    actorId: actor.userId,
    actorRole: actor.role ?? (actor.isOperator ? 'operator' : undefined),
    organisationId: actor.organisationId ?? null,
    requestId,
    correlationId: correlationId ?? requestId,
    ...(clientKey !== undefined && {
      idempotencyKey: scopedKey(request, actor.userId, clientKey),
      requestFingerprint: requestFingerprint(request),
    }),
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
  return versionOf(raw);
});

// Like IfMatchVersion, but optional: undefined when the client sent no If-Match. For whole-document
// replacements (PUT), where writing without a precondition loses nobody's partial edit.
export const OptionalIfMatchVersion = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): number | undefined => {
    const raw = header(ctx.switchToHttp().getRequest<Request>(), 'if-match');
    return raw === undefined ? undefined : versionOf(raw);
  },
);

function versionOf(raw: string): number {
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(raw.trim());
  if (!match) {
    throw new DomainError('bad_request', 'REQUEST.INVALID_IF_MATCH', 'If-Match must be a version number', [
      { field: 'If-Match', message: 'must be a version number such as 3' },
    ]);
  }
  return Number(match[1]);
}
