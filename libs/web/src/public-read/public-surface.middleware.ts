import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '@rl/config';
import { InjectRedis, redisRateLimiter } from '@rl/queue';
import { isPublicPath, PUBLIC_METHODS, PublicReadErrors } from './public-surface';

// Headers a cross-origin script may read beyond the safelisted ones (Last-Modified is one of those).
const EXPOSED = 'ETag, Link, Retry-After';
// Request headers a preflight may ask for: the conditional ones.
const ALLOWED = 'If-None-Match, If-Modified-Since';

// Every public path, whatever route answers it: readable from any origin with GET and HEAD (no
// credentials, nothing else), embeddable by other sites (helmet's same-origin resource policy is lifted
// here only), and throttled per client address — req.ip, which honours TRUST_PROXY. Signed-in readers
// share their address's budget: the public routes show them nothing more than anyone else.
@Injectable()
export class PublicSurfaceMiddleware implements NestMiddleware {
  private readonly requests: RateLimiterRedis;

  constructor(@InjectRedis() redis: Redis, config: AppConfig) {
    this.requests = redisRateLimiter(redis, {
      prefix: `${config.redis.queuePrefix}:throttle`,
      name: 'public',
      points: config.publicReads.rateLimitPerMinute,
      durationSeconds: 60,
    });
  }

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    // Mounted on every path, so req.path is relative to the mount: the routed path is the original URL's.
    if (!isPublicPath(req.originalUrl.split('?')[0])) return next();
    const preflight = req.method === 'OPTIONS';
    if (!preflight && !PUBLIC_METHODS.includes(req.method)) return next();
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    if (preflight) {
      res.setHeader('Access-Control-Allow-Methods', PUBLIC_METHODS.join(', '));
      res.setHeader('Access-Control-Allow-Headers', ALLOWED);
      res.setHeader('Access-Control-Max-Age', '86400');
      res.status(204).end();
      return;
    }
    res.setHeader('Access-Control-Expose-Headers', EXPOSED);
    await this.requests.consume(req.ip ?? 'unknown').catch((error: unknown) => {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw PublicReadErrors.TOO_MANY_REQUESTS({
        message: `Too many requests from this address; try again in ${seconds} s`,
        details: { retryAfterSeconds: seconds },
      });
    });
    next();
  }
}
