import { Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '@rl/config';
import { InjectRedis, redisRateLimiter } from '@rl/queue';
import { AuthErrors } from '../../domain/identity.errors';
import { sha256Hex } from '../credentials';

// An address that signed in to an account stays exempt from that account's failure budget this long.
const KNOWN_ADDRESS_SECONDS = 30 * 24 * 3600;

// One credential check allowed by the throttle; the caller reports how it ended.
export interface Attempt {
  succeeded(): Promise<void>;
  failed(): Promise<void>;
}

const tooMany = (ms: number) => {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return AuthErrors.TOO_MANY_ATTEMPTS({
    message: `Too many attempts; try again in ${seconds} s`,
    details: { retryAfterSeconds: seconds },
  });
};

// Throws the 429 for a limiter's refusal; anything else (Redis down and no insurance) propagates.
const refusal = (error: unknown): never => {
  throw error instanceof RateLimiterRes ? tooMany(error.msBeforeNext) : error;
};

// The login-protection pattern of rate-limiter-flexible, stored in Redis so every API process shares
// it: requests per address, consecutive failures per (account, address), failures per account from
// addresses that never signed in to it, and failures per address across accounts (password spraying).
// Addresses an account signed in from are exempt from the last two, so strangers cannot lock a real
// user out of their usual place.
@Injectable()
export class AuthThrottle {
  private readonly logger = new Logger(AuthThrottle.name);
  private readonly requests: RateLimiterRedis;
  private readonly pairFailures: RateLimiterRedis;
  private readonly accountFailures: RateLimiterRedis;
  private readonly addressFailures: RateLimiterRedis;
  private readonly knownPrefix: string;

  constructor(
    @InjectRedis() private readonly redis: Redis,
    config: AppConfig,
  ) {
    const prefix = `${config.redis.queuePrefix}:throttle`;
    const { throttle } = config;
    const limiter = (name: string, points: number, durationSeconds: number, blockSeconds = 0) =>
      redisRateLimiter(redis, { prefix, name, points, durationSeconds, blockSeconds });
    this.requests = limiter('requests', config.auth.rateLimitPerMinute, 60);
    this.pairFailures = limiter('pair', throttle.consecutiveFailures, 24 * 3600, throttle.lockoutSeconds);
    this.accountFailures = limiter('account', throttle.accountFailuresPerHour, 3600);
    this.addressFailures = limiter('address', throttle.addressFailuresPerDay, 24 * 3600);
    this.knownPrefix = `${prefix}:known`;
  }

  // Takes this attempt out of the budgets before any credential is checked (so parallel guesses cannot
  // all pass), or throws AUTH.TOO_MANY_ATTEMPTS. `account` is the e-mail or user the attempt is about.
  async begin(address: string, account: string | null): Promise<Attempt> {
    const accountKey = account === null ? null : sha256Hex(account.trim().toLowerCase()).slice(0, 32);
    const pairKey = accountKey && `${accountKey}:${address}`;
    const known = pairKey !== null && (await this.isKnown(pairKey));

    // A known (account, address) pair passes a blocked address: one sprayer behind a shared NAT must not
    // lock out everyone who works there.
    const spent = known ? null : await this.addressFailures.get(address);
    if (spent !== null && spent.remainingPoints <= 0) throw tooMany(spent.msBeforeNext);
    if (pairKey !== null) await this.pairFailures.consume(pairKey).catch(refusal);
    const chargeAccount = accountKey !== null && !known;
    if (chargeAccount) await this.accountFailures.consume(accountKey).catch(refusal);
    await this.requests.consume(address).catch(refusal);

    return {
      // A success gives back what the account's budgets lent; the address's failures stay counted.
      succeeded: async () => {
        if (pairKey === null) return;
        await Promise.all([
          this.pairFailures.delete(pairKey),
          chargeAccount && this.accountFailures.reward(accountKey),
          this.redis.set(`${this.knownPrefix}:${pairKey}`, '1', 'EX', KNOWN_ADDRESS_SECONDS),
        ]);
      },
      failed: async () => {
        await this.addressFailures.consume(address).catch((e: unknown) => {
          if (!(e instanceof RateLimiterRes)) throw e;
        });
      },
    };
  }

  // Records how an attempt ended without holding up the answer.
  settle(attempt: Attempt, succeeded: boolean): void {
    (succeeded ? attempt.succeeded() : attempt.failed()).catch((error: unknown) =>
      this.logger.warn({ err: error }, 'Could not record the outcome of an authentication attempt'),
    );
  }

  private async isKnown(pairKey: string): Promise<boolean> {
    return (await this.redis.exists(`${this.knownPrefix}:${pairKey}`).catch(() => 0)) === 1;
  }
}
