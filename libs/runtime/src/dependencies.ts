import { Client } from 'pg';
import Redis from 'ioredis';
import { AppConfig } from '@rl/config';
import { databaseUrl } from '@rl/persistence';

const redacted = (url: string) => {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
};

async function reachPostgres(config: AppConfig): Promise<string | null> {
  const client = new Client({
    connectionString: databaseUrl(config, 'admin', 'postgres'),
    connectionTimeoutMillis: 3_000,
  });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return (
      `PostgreSQL is not reachable at ${redacted(config.database.url)} (${(error as Error).message}).\n` +
      `  Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n` +
      `  or with Docker: docker compose up -d postgres redis\n` +
      `  or point DATABASE_URL at a running server.`
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function reachRedis(config: AppConfig): Promise<string | null> {
  const redis = new Redis(config.redis.url, {
    lazyConnect: true,
    connectTimeout: 3_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (error) {
    return (
      `Redis is not reachable at ${redacted(config.redis.url)} (${(error as Error).message}).\n` +
      `  Start it with: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no\n` +
      `  or with Docker: docker compose up -d postgres redis\n` +
      `  or point REDIS_URL at a running server.`
    );
  } finally {
    redis.disconnect();
  }
}

// Problems with PostgreSQL and Redis as plain sentences (what, where, how to start it); empty when both answer.
export async function unreachableDependencies(config: AppConfig): Promise<string[]> {
  const problems = await Promise.all([reachPostgres(config), reachRedis(config)]);
  return problems.filter((p): p is string => p !== null);
}
