import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';

export interface RateLimit {
  // Keys share budgets across processes only under the same prefix (QUEUE_PREFIX:throttle:<name>).
  prefix: string;
  name: string;
  points: number;
  durationSeconds: number;
  blockSeconds?: number;
}

// A fixed-window limiter in Redis so every API process shares it; a Redis outage falls back to a
// per-process memory limiter rather than opening the door.
export function redisRateLimiter(redis: Redis, limit: RateLimit): RateLimiterRedis {
  const { name, points, durationSeconds: duration, blockSeconds: blockDuration = 0 } = limit;
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${limit.prefix}:${name}`,
    points,
    duration,
    blockDuration,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration, blockDuration }),
  });
}
