import { Injectable, NestMiddleware } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { NextFunction, Request, Response } from 'express';
import type { AccessTokenClaims } from '../session-issuer';
import { AuthThrottle } from './auth-throttle';

// Every route that checks a password or a one-time secret, matched here by path (as Express routes:
// any case, optional trailing slash) so that routes added later under /v1/auth/ need no decorator.
const THROTTLED = [
  /^\/v1\/auth\/.+$/i,
  /^\/v1\/me\/password\/?$/i,
  /^\/v1\/me\/invitations\/[^/]+\/accept\/?$/i,
];
export const isThrottled = (method: string, path: string) =>
  method === 'POST' && THROTTLED.some((pattern) => pattern.test(path));

const MAX_EMAIL_LENGTH = 320;

@Injectable()
export class AuthThrottleMiddleware implements NestMiddleware {
  constructor(
    private readonly throttle: AuthThrottle,
    private readonly jwt: JwtService,
  ) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    // Mounted on every path, so req.path is relative to the mount: the routed path is the original URL's.
    if (!isThrottled(req.method, req.originalUrl.split('?')[0])) return next();
    const attempt = await this.throttle.begin(req.ip ?? 'unknown', await this.accountOf(req));
    // A 2xx or 3xx answer is a success; any error a failure.
    res.on('finish', () => this.throttle.settle(attempt, res.statusCode < 400));
    next();
  }

  // The e-mail the attempt names, else the signed-in user (their current password is being checked).
  private async accountOf(req: Request): Promise<string | null> {
    const email: unknown = (req.body as { email?: unknown } | undefined)?.email;
    if (typeof email === 'string' && email.length <= MAX_EMAIL_LENGTH) return email;
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) return null;
    return this.jwt.verifyAsync<AccessTokenClaims>(token).then(
      (claims) => claims.sub,
      () => null,
    );
  }
}
