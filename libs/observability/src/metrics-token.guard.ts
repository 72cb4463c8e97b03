import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '@rl/config';
import { DomainError } from '@rl/kernel';

const digest = (value: string) => createHash('sha256').update(value).digest();

// /metrics answers only to `Authorization: Bearer <METRICS_TOKEN>` when the token is configured.
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  private readonly expected: Buffer | null;

  constructor(config: AppConfig) {
    this.expected = config.metrics.token === null ? null : digest(config.metrics.token);
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.expected === null) return true;
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    // Comparing digests keeps the comparison constant-time whatever the length of what was sent.
    if (scheme?.toLowerCase() === 'bearer' && token && timingSafeEqual(digest(token), this.expected))
      return true;
    context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
    throw new DomainError(
      'unauthenticated',
      'METRICS.TOKEN_REQUIRED',
      'Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>"',
    );
  }
}
