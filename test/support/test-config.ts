import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { AppConfig, loadConfig } from '@rl/config';

// Tests reach the machine's PostgreSQL and Redis; TEST_DATABASE_URL / TEST_REDIS_URL point elsewhere.
const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

// Databases are named after the checkout, so that test runs of two clones on one server never collide.
const CHECKOUT = createHash('sha1').update(resolve(__dirname, '../..')).digest('hex').slice(0, 8);
export const TEST_DATABASE_PREFIX = `rl_test_${CHECKOUT}_`;
export const TEMPLATE_DATABASE = `${TEST_DATABASE_PREFIX}template`;
export const workerDatabase = (workerId: string | number) => `${TEST_DATABASE_PREFIX}w${workerId}`;
// Queues of one suite in this checkout: another clone's workers on the same Redis must not take its jobs.
export const suiteQueues = (suite: string) => ({
  QUEUE_PREFIX: `${TEST_DATABASE_PREFIX}${suite}_${process.env.JEST_WORKER_ID ?? '1'}`,
});

const withDatabase = (database: string) => {
  const url = new URL(SERVER);
  url.pathname = `/${database}`;
  return url.toString();
};

// Configuration of one jest worker: its own database (a clone of the migrated template) and its own
// BullMQ key prefix, so that parallel test files never see each other's data or jobs.
export function testConfig(overrides: Record<string, string> = {}, database?: string): AppConfig {
  const worker = process.env.JEST_WORKER_ID ?? '1';
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: withDatabase(database ?? workerDatabase(worker)),
    REDIS_URL: REDIS,
    QUEUE_PREFIX: `rl-test-${CHECKOUT}-${worker}`,
    // Suites log in and fail logins from one address far more often than a person would.
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '10000',
    // Webhook suites deliver to receivers on 127.0.0.1; the SSRF suite turns this off.
    WEBHOOK_ALLOW_PRIVATE: 'true',
    AUTH_MAX_CONSECUTIVE_FAILURES: '10000',
    AUTH_ACCOUNT_FAILURES_PER_HOUR: '10000',
    AUTH_ADDRESS_FAILURES_PER_DAY: '100000',
    // Suites schedule reminders seconds before (or after) a deadline and expect them then; the late grace
    // has its own suite (test/reliability/reminder-truth.int-spec.ts).
    REMINDER_LATE_GRACE_SECONDS: '0',
    ...overrides,
  });
}
