import { testConfig } from '../../../test/support/test-config';
import { unreachableDependencies } from './dependencies';

describe('unreachableDependencies', () => {
  it('reports nothing when PostgreSQL and Redis answer', async () => {
    expect(await unreachableDependencies(testConfig())).toEqual([]);
  });

  it('says which dependency is down, where, and how to start it', async () => {
    // Port 9 (discard) is closed on loopback: connections are refused at once.
    const config = testConfig({
      DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:9/rl',
      REDIS_URL: 'redis://127.0.0.1:9',
    });
    const [postgres, redis] = await unreachableDependencies(config);
    expect(postgres).toMatch(
      /^PostgreSQL is not reachable at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:9\/rl/,
    );
    expect(postgres).toContain('pg_ctlcluster');
    expect(postgres).toContain('docker compose up -d postgres redis');
    expect(postgres).not.toContain('secret');
    expect(redis).toMatch(/^Redis is not reachable at redis:\/\/127\.0\.0\.1:9/);
    expect(redis).toContain('redis-server --daemonize yes');
  });
});
