import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { DomainError, DomainErrorKind, FieldError } from '@rl/kernel';
import { databaseBusy, isPoolAcquireTimeout } from '@rl/persistence';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors: FieldError[];
  errorId?: string;
  [extra: string]: unknown;
}

export const STATUS_OF: Record<DomainErrorKind, number> = {
  bad_request: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  invalid: HttpStatus.UNPROCESSABLE_ENTITY,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

// Codes for errors raised by the framework rather than our handlers (routing, body parsing, throttling).
const HTTP_CODES: Record<number, string> = {
  400: 'REQUEST.MALFORMED',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'ROUTE.NOT_FOUND',
  405: 'ROUTE.METHOD_NOT_ALLOWED',
  413: 'REQUEST.TOO_LARGE',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  429: 'REQUEST.RATE_LIMITED',
};

const titleOf = (status: number) =>
  (HttpStatus[status] ?? 'ERROR')
    .toLowerCase()
    .replace(/_/g, ' ')
    .replace(/^./, (c) => c.toUpperCase());

export function toProblem(exception: unknown): { problem: ProblemDocument; cause?: unknown } {
  // An exhausted pool is load, not a bug: the client may retry (Retry-After), nothing to log as an error.
  if (isPoolAcquireTimeout(exception)) return toProblem(databaseBusy());
  if (exception instanceof DomainError) {
    const status = STATUS_OF[exception.kind];
    return {
      problem: {
        ...exception.details,
        type: 'about:blank',
        title: titleOf(status),
        status,
        code: exception.code,
        detail: exception.message,
        errors: exception.errors,
      },
    };
  }
  const status =
    exception instanceof HttpException
      ? exception.getStatus()
      : typeof (exception as { status?: unknown })?.status === 'number' // body-parser errors
        ? (exception as { status: number }).status
        : 500;
  if (status >= 500) {
    const errorId = randomUUID();
    return {
      problem: {
        type: 'about:blank',
        title: titleOf(500),
        status: 500,
        code: 'INTERNAL.UNEXPECTED',
        detail: `An unexpected error occurred; quote error id ${errorId} when reporting it.`,
        errors: [],
        errorId,
      },
      cause: exception,
    };
  }
  const detail = exception instanceof Error ? exception.message : titleOf(status);
  return {
    problem: {
      type: 'about:blank',
      title: titleOf(status),
      status,
      code: HTTP_CODES[status] ?? `HTTP.${status}`,
      detail,
      errors: [],
    },
  };
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const { problem, cause } = toProblem(exception);
    if (cause !== undefined) {
      this.logger.error({ err: cause, errorId: problem.errorId }, 'Unhandled error');
    }
    sendProblem(host.switchToHttp().getResponse<Response>(), problem);
  }
}

// Also used by plain Express middleware outside Nest's filters (the queue dashboard's gate).
export function sendProblem(response: Response, problem: ProblemDocument): void {
  if ((problem.status === 503 || problem.status === 429) && typeof problem.retryAfterSeconds === 'number') {
    response.setHeader('Retry-After', String(problem.retryAfterSeconds));
  }
  response.status(problem.status).type('application/problem+json').json(problem);
}
