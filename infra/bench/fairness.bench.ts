import { CommandBus } from '@nestjs/cqrs';
import { cpus } from 'node:os';
import { createApi } from '@rl/api';
import { EventStore } from '@rl/event-store';
import { databaseName } from '@rl/persistence';
import { RegisterOrganisationCommand } from '@rl/stakeholders';
import { createWorker } from '@rl/worker';
import { bootstrapDatabase, dropDatabase } from '../db/bootstrap';
import { benchCity, benchOperator, listenLocally, logIn } from './bench-city';
import {
  benchConfig,
  deleteQueueKeys,
  log,
  now,
  percentile,
  round,
  runBench,
  sleep,
  table,
} from './bench-kit';
import { seedChain } from './chain-seed';

// npm run bench:fairness: city A verifies its hash chain over a large log while city B's members keep
// reading (organisations, indicators); prints B's latencies alone and during A's verification, and the
// verification's time. API and worker in this process, as `npm start` runs them, on a scratch database.
const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const READERS = Number(process.env.BENCH_READERS ?? 4);
const BASELINE_MS = 5_000;
const PASSWORD = 'bench-coordinator-password';

async function setUp(commands: CommandBus) {
  const as = await benchOperator(commands, { email: 'op@fair.bench', name: 'Operator', password: PASSWORD });
  const city = (slug: string) =>
    benchCity(
      commands,
      as,
      { slug, name: slug },
      {
        email: `coordinator@${slug}.bench`,
        name: `Coordinator of ${slug}`,
        password: PASSWORD,
        role: 'coordinator',
      },
    );
  const a = await city('city-a');
  const b = await city('city-b');
  for (let i = 0; i < 50; i++) {
    await commands.execute(
      new RegisterOrganisationCommand(b, { name: `Organisation ${i}`, kind: 'cso' }, as),
    );
  }
  return { a, b };
}

async function main(): Promise<void> {
  // Its own scratch database by default, so that it never meets another benchmark's.
  process.env.BENCH_DATABASE ??= 'rl_bench_fairness';
  const config = benchConfig(10);
  log(
    `Fairness benchmark on scratch database ${databaseName(config)} (${cpus().length} CPUs, Node ${process.version})`,
  );
  await bootstrapDatabase(config);
  const worker = await createWorker(config);
  await worker.init();
  const api = await createApi(config);
  const base = await listenLocally(api);
  try {
    const { a } = await setUp(api.get(CommandBus));
    const seedStart = now();
    const head = await seedChain(api.get(EventStore), a, EVENTS);
    log(`Seeded ${head} events in city A in ${round((now() - seedStart) / 1_000)} s`);

    const token = (slug: string) => logIn(base, `coordinator@${slug}.bench`, PASSWORD);
    const [tokenA, tokenB] = [await token('city-a'), await token('city-b')];
    const request = async (path: string, bearer: string) => {
      const started = now();
      const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
      await res.arrayBuffer();
      return { status: res.status, ms: now() - started };
    };

    // B's members read while `until` says so; returns every latency and any non-200 status.
    const readB = async (until: () => boolean) => {
      const latencies: number[] = [];
      const failures: number[] = [];
      const paths = ['/v1/cities/city-b/organisations', '/v1/cities/city-b/indicators'];
      await Promise.all(
        Array.from({ length: READERS }, async (_, reader) => {
          for (let i = reader; until(); i++) {
            const { status, ms } = await request(paths[i % paths.length], tokenB);
            if (status === 200) latencies.push(ms);
            else failures.push(status);
          }
        }),
      );
      return { latencies: latencies.sort((x, y) => x - y), failures };
    };
    const row = (phase: string, run: { latencies: number[]; failures: number[] }) => [
      phase,
      run.latencies.length,
      run.failures.length,
      round(percentile(run.latencies, 50)),
      round(percentile(run.latencies, 99)),
      round(run.latencies[run.latencies.length - 1] ?? Number.NaN),
    ];

    const baselineEnd = now() + BASELINE_MS;
    const alone = await readB(() => now() < baselineEnd);

    let verifying = true;
    const verifyStart = now();
    const verification = request('/v1/cities/city-a/audit/verify', tokenA).finally(() => (verifying = false));
    await sleep(200);
    const second = await request('/v1/cities/city-a/audit/verify', tokenA);
    const during = await readB(() => verifying);
    const verified = await verification;
    const verifyMs = now() - verifyStart;

    log(
      table(
        ['B reads (organisations, indicators)', 'requests', 'non-200', 'p50 ms', 'p99 ms', 'max ms'],
        [row('alone', alone), row(`during A's verify of ${head} events`, during)],
      ),
    );
    log(
      `A's verify: HTTP ${verified.status} in ${round(verifyMs / 1_000, 2)} s (${round(head / (verifyMs / 1_000))} events/s)`,
    );
    log(`A's second verify while the first ran: HTTP ${second.status} (429 expected)`);
  } finally {
    await Promise.all([api.close(), worker.close()]);
    await deleteQueueKeys(config);
    await dropDatabase(config, databaseName(config));
  }
}

runBench(main);
