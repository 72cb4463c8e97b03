import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AppConfig, loadConfig } from '@rl/config';

// Small helpers for the benchmarks: waiting, percentiles and a plain-text table.

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Milliseconds on a monotonic clock.
export const now = () => Number(process.hrtime.bigint()) / 1e6;

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export const round = (value: number, digits = 1) => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

// Left-aligned first column, right-aligned numbers.
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, c) => Math.max(...cells.map((row) => row[c].length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join(
    '\n',
  );
}

export const log = (message: string) => process.stdout.write(`${message}\n`);

// Runs `work` from `writers` concurrent loops until `seconds` have passed; each call returns how many
// events it wrote. Returns the events written and the seconds actually taken.
export async function forDuration(
  writers: number,
  seconds: number,
  work: (writer: number) => Promise<number>,
): Promise<{ events: number; transactions: number; seconds: number }> {
  const start = now();
  const deadline = start + seconds * 1_000;
  let events = 0;
  let transactions = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      while (now() < deadline) {
        const written = await work(writer);
        events += written;
        transactions++;
      }
    }),
  );
  return { events, transactions, seconds: (now() - start) / 1_000 };
}

// Configuration of a benchmark: its own scratch database (BENCH_DATABASE) and queue prefix, no demo.
export function benchConfig(poolSize: number): AppConfig {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${process.env.BENCH_DATABASE ?? 'rl_bench'}`;
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: url.toString(),
    QUEUE_PREFIX: `rl-bench-${randomUUID().slice(0, 8)}`,
    DB_POOL_SIZE: String(poolSize),
    DEMO_SEED: 'false',
  });
}

export async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

// Removes the benchmark's BullMQ keys (and nothing else) from Redis.
export async function deleteQueueKeys(config: AppConfig): Promise<void> {
  const redis = new Redis(config.redis.url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.redis.queuePrefix}:*`, 'COUNT', 1_000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

// Runs a benchmark's main and exits with its outcome (open handles such as pools must not keep it alive).
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
