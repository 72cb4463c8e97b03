import { Injectable, NestMiddleware, RequestMethod } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { NextFunction, Request, Response } from 'express';
import type { AccessTokenClaims } from '../session-issuer';
import { AuthThrottle } from './auth-throttle';

// Every route that checks a password or a one-time secret, by path, so that routes added later under
// /v1/auth/ are throttled without a decorator.
export const THROTTLED_ROUTES = [
  { path: 'v1/auth/*path', method: RequestMethod.POST },
  { path: 'v1/me/password', method: RequestMethod.ALL },
  { path: 'v1/me/invitations/:id/accept', method: RequestMethod.POST },
];

const MAX_EMAIL_LENGTH = 320;

@Injectable()
export class AuthThrottleMiddleware implements NestMiddleware {
  constructor(
    private readonly throttle: AuthThrottle,
    private readonly jwt: JwtService,
  ) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
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
