import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { Client, Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { AppConfig } from '@rl/config';
import { EventStore } from '@rl/event-store';
import { asCityId, CityId } from '@rl/kernel';
import { databaseName, databaseUrl } from '@rl/persistence';
import { ProjectionRebuilder, ProjectionRegistry } from '@rl/projections';
import { BaseModule } from '@rl/runtime';
import { ORGANISATIONS_PROJECTION, organisationStream, StakeholdersModule } from '@rl/stakeholders';
import { createWorker } from '@rl/worker';
import { bootstrapDatabase, dropDatabase } from '../db/bootstrap';
import {
  benchConfig,
  connect,
  deleteQueueKeys,
  forDuration,
  log,
  now,
  percentile,
  round,
  sleep,
  table,
} from './bench-kit';

// npm run bench:events — the event store's append throughput (against a plain INSERT as the ceiling),
// the speed of a projection rebuild, and the projection lag under a sustained load. Runs on a scratch
// database (BENCH_DATABASE, default rl_bench, on DATABASE_URL's server) that it creates and drops, and
// writes bench-results/events.json.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const REBUILD_EVENTS = Number(process.env.BENCH_REBUILD_EVENTS ?? 1_000_000);
const REBUILD_ORGANISATIONS = Number(process.env.BENCH_REBUILD_ORGANISATIONS ?? 10_000);
const LAG_RATE = Number(process.env.BENCH_LAG_RATE ?? 500);
const LAG_SECONDS = Number(process.env.BENCH_LAG_SECONDS ?? 20);
const LAG_WARMUP_SECONDS = Number(process.env.BENCH_LAG_WARMUP_SECONDS ?? 3);
const LAG_CITIES = 20;
const WRITERS = 16;
const PAYLOAD = 'x'.repeat(120);
// Which parts to run (comma separated): append, lag, rebuild.
const ONLY = new Set((process.env.BENCH_ONLY ?? 'append,lag,rebuild').split(',').map((s) => s.trim()));

@Module({})
class BenchModule {}

interface ThroughputRow {
  writers: number;
  cities: 'one' | 'one each';
  batch: number;
  storeEventsPerSecond: number;
  storeAppendsPerSecond: number;
  plainEventsPerSecond: number;
  ratio: number;
}

async function createCities(admin: Client, label: string, count: number): Promise<CityId[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await admin.query(
    `INSERT INTO cities (id, slug, name, country_code, default_locale, timezone)
     SELECT id, $2 || '-' || left(id::text, 8), $2, 'BE', 'nl', 'Europe/Brussels' FROM unnest($1::uuid[]) AS id`,
    [ids, label],
  );
  return ids.map(asCityId);
}

// --- Append throughput -------------------------------------------------------------------------------

async function appendThroughput(
  store: EventStore,
  admin: Client,
  config: AppConfig,
  cities: CityId[],
): Promise<ThroughputRow[]> {
  // The ceiling: the same rows and indexes (and the city foreign key), written by plain INSERTs whose
  // positions and hashes are computed up front, with no head row, no version check, no hashing and no
  // row-level security.
  const owner = await connect(databaseUrl(config, 'owner'));
  await owner.query(`CREATE TABLE bench_plain (LIKE events INCLUDING ALL)`);
  await owner.query(`ALTER TABLE bench_plain ADD FOREIGN KEY (tenant_id) REFERENCES cities (id)`);
  await owner.end();
  const plain = new Pool({ connectionString: databaseUrl(config, 'app'), max: WRITERS });
  const hashes = Array.from({ length: 1_024 }, () => randomBytes(32).toString('hex'));
  const nextPosition = new Map<string, number>();
  let plainStreams = 0;

  const scenarios: { writers: number; cities: ThroughputRow['cities']; batch: number }[] = [
    { writers: 1, cities: 'one', batch: 1 },
    { writers: 1, cities: 'one', batch: 10 },
    { writers: WRITERS, cities: 'one each', batch: 1 },
    { writers: WRITERS, cities: 'one each', batch: 10 },
    { writers: WRITERS, cities: 'one', batch: 1 },
    { writers: WRITERS, cities: 'one', batch: 10 },
  ];
  const cityOf = (scenario: { cities: ThroughputRow['cities'] }, writer: number) =>
    scenario.cities === 'one' ? cities[0] : cities[writer];
  const newEvents = (writer: number, batch: number) =>
    Array.from({ length: batch }, (_, i) => ({ type: 'BenchProbe', data: { writer, i, payload: PAYLOAD } }));

  const viaStore = async (scenario: (typeof scenarios)[number], seconds: number) => {
    const streams = Array.from({ length: scenario.writers }, () => ({ id: `bench-${uuidv7()}`, version: 0 }));
    return forDuration(scenario.writers, seconds, async (writer) => {
      const stream = streams[writer];
      const result = await store.append(
        cityOf(scenario, writer),
        stream.id,
        stream.version,
        newEvents(writer, scenario.batch),
        { actorId: 'bench' },
      );
      stream.version = result.version;
      return scenario.batch;
    });
  };

  const viaPlainInsert = async (scenario: (typeof scenarios)[number], seconds: number) => {
    const streams = Array.from({ length: scenario.writers }, () => ({
      id: `plain-${++plainStreams}`,
      version: 0,
    }));
    return forDuration(scenario.writers, seconds, async (writer) => {
      const city = cityOf(scenario, writer);
      const stream = streams[writer];
      const values: unknown[] = [];
      const rows: string[] = [];
      for (const event of newEvents(writer, scenario.batch)) {
        const position = (nextPosition.get(city) ?? 0) + 1;
        nextPosition.set(city, position);
        stream.version++;
        const p = values.length;
        rows.push(
          `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, 1, $${p + 7}, $${p + 8}, clock_timestamp(), NULL, $${p + 9}, $${p + 10})`,
        );
        values.push(
          city,
          position,
          stream.id,
          stream.version,
          uuidv7(),
          event.type,
          JSON.stringify(event.data),
          JSON.stringify({ actorId: 'bench' }),
          hashes[position % hashes.length],
          hashes[(position + 1) % hashes.length],
        );
      }
      // One statement outside BEGIN/COMMIT is a transaction of its own, as the store's append is.
      await plain.query(
        `INSERT INTO bench_plain (tenant_id, position, stream_id, stream_version, event_id, type, schema_version, data,
                                  metadata, recorded_at, idempotency_key, prev_hash, hash)
         VALUES ${rows.join(', ')}`,
        values,
      );
      return scenario.batch;
    });
  };

  // Warm up both paths (connections, plans), then give the planner statistics for tables that no
  // longer look empty: this server may run without autovacuum, and a plan made for an empty `events`
  // scans a whole city per append.
  await viaStore(scenarios[2], 1);
  await viaPlainInsert(scenarios[2], 1);
  await admin.query('ANALYZE events');
  await admin.query('ANALYZE bench_plain');

  const results: ThroughputRow[] = [];
  for (const scenario of scenarios) {
    const store = await viaStore(scenario, SECONDS);
    const ceiling = await viaPlainInsert(scenario, SECONDS);
    const row: ThroughputRow = {
      ...scenario,
      storeEventsPerSecond: Math.round(store.events / store.seconds),
      storeAppendsPerSecond: Math.round(store.transactions / store.seconds),
      plainEventsPerSecond: Math.round(ceiling.events / ceiling.seconds),
      ratio: round(store.events / store.seconds / (ceiling.events / ceiling.seconds), 2),
    };
    log(
      `  ${row.writers} writer(s), ${row.cities} city, batch ${row.batch}: ${row.storeEventsPerSecond} events/s ` +
        `(plain INSERT ${row.plainEventsPerSecond}, ratio ${row.ratio})`,
    );
    results.push(row);
  }
  await plain.end();
  return results;
}

// --- Projection lag ------------------------------------------------------------------------------------

// The real worker process from the build when it is there (node dist/…/main.js), else a worker context
// in this process.
async function startWorker(config: AppConfig): Promise<{ mode: string; stop: () => Promise<void> }> {
  const main = resolve(__dirname, '../../apps/worker/src/main.js');
  if (existsSync(main)) {
    const child: ChildProcess = spawn(process.execPath, [main], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATABASE_URL: config.database.url,
        QUEUE_PREFIX: config.redis.queuePrefix,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    return {
      mode: 'worker process (dist/apps/worker/src/main.js)',
      stop: async () => {
        if (child.exitCode === null) child.kill('SIGTERM');
        await Promise.race([exited, sleep(10_000)]);
        if (child.exitCode === null) child.kill('SIGKILL');
      },
    };
  }
  const worker = await createWorker(config);
  return { mode: 'worker context in the bench process', stop: () => worker.close() };
}

interface LagResult {
  worker: string;
  targetAppendsPerSecond: number;
  achievedAppendsPerSecond: number;
  appends: number;
  warmupSeconds: number;
  cities: number;
  measured: number;
  unmeasured: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  over100Ms: number;
  over500Ms: number;
  pollIntervalMs: number;
}

async function projectionLag(
  store: EventStore,
  admin: Client,
  config: AppConfig,
  cities: CityId[],
): Promise<LagResult> {
  const worker = await startWorker(config);
  const register = (cityId: CityId) => {
    const organisationId = uuidv7();
    return store.append(
      cityId,
      organisationStream(organisationId),
      0,
      [
        {
          type: 'OrganisationRegistered',
          data: { organisationId, name: `Lag ${organisationId}`, kind: 'cso' },
        },
      ],
      { actorId: 'bench' },
    );
  };
  const checkpoints = async () => {
    const { rows } = await admin.query<{ tenant_id: string; position: string }>(
      `SELECT tenant_id, position FROM projection_checkpoints WHERE projection = $1 AND tenant_id = ANY($2)`,
      [ORGANISATIONS_PROJECTION, cities],
    );
    return new Map(rows.map((r) => [r.tenant_id, Number(r.position)]));
  };
  try {
    // The worker is up once it has projected one append of every city.
    const warm = await Promise.all(cities.map((cityId) => register(cityId)));
    const deadline = now() + 60_000;
    for (;;) {
      const reached = await checkpoints();
      if (cities.every((c, i) => (reached.get(c) ?? 0) >= warm[i].position)) break;
      if (now() > deadline) throw new Error('The worker did not start projecting within 60 s');
      await sleep(50);
    }

    // Appends at a fixed rate, round-robin over the cities, each registering a new organisation. The
    // first LAG_WARMUP_SECONDS are not measured: the fresh worker's connections, plans and JIT warm up.
    const pending = new Map<string, { position: number; committedAt: number; measured: boolean }[]>(
      cities.map((c) => [c, []]),
    );
    const lags: number[] = [];
    const warmup = LAG_RATE * LAG_WARMUP_SECONDS;
    const total = warmup + LAG_RATE * LAG_SECONDS;
    let measuredFrom = Number.NaN;
    let fired = 0;
    let failed = 0;
    let appending = true;
    const inFlight = new Set<Promise<void>>();
    const POLL_MS = 5;
    let drainDeadline = Number.POSITIVE_INFINITY;
    const start = now();

    const poller = (async () => {
      while (appending || inFlight.size > 0 || [...pending.values()].some((p) => p.length > 0)) {
        const reached = await checkpoints();
        const seenAt = now();
        for (const [cityId, list] of pending) {
          const position = reached.get(cityId) ?? 0;
          while (list.length > 0 && list[0].position <= position) {
            const entry = list.shift()!;
            if (entry.measured) lags.push(Math.max(0, seenAt - entry.committedAt));
          }
        }
        if (!appending && now() > drainDeadline) break;
        await sleep(POLL_MS);
      }
    })();

    while (fired < total) {
      const due = Math.min(total, Math.floor(((now() - start) / 1_000) * LAG_RATE));
      for (; fired < due; fired++) {
        if (fired === warmup) measuredFrom = now();
        const cityId = cities[fired % cities.length];
        const measured = fired >= warmup;
        const append: Promise<void> = register(cityId)
          .then((result) => {
            const list = pending.get(cityId)!;
            const entry = { position: result.position, committedAt: now(), measured };
            // Appends of one city resolve in any order; keep the list sorted by position.
            let i = list.length;
            while (i > 0 && list[i - 1].position > entry.position) i--;
            list.splice(i, 0, entry);
          })
          .catch(() => {
            failed++;
          })
          .finally(() => inFlight.delete(append));
        inFlight.add(append);
      }
      await sleep(2);
    }
    const appendSeconds = (now() - measuredFrom) / 1_000;
    await Promise.all(inFlight);
    appending = false;
    drainDeadline = now() + 30_000;
    await poller;
    if (failed > 0) throw new Error(`${failed} appends failed during the lag run`);

    const sorted = [...lags].sort((a, b) => a - b);
    const unmeasured = [...pending.values()].reduce(
      (n, list) => n + list.filter((e) => e.measured).length,
      0,
    );
    return {
      worker: worker.mode,
      targetAppendsPerSecond: LAG_RATE,
      achievedAppendsPerSecond: Math.round((total - warmup) / appendSeconds),
      appends: total - warmup,
      warmupSeconds: LAG_WARMUP_SECONDS,
      cities: cities.length,
      measured: sorted.length,
      unmeasured,
      p50Ms: round(percentile(sorted, 50)),
      p99Ms: round(percentile(sorted, 99)),
      maxMs: round(sorted[sorted.length - 1] ?? Number.NaN),
      over100Ms: sorted.filter((ms) => ms > 100).length,
      over500Ms: sorted.filter((ms) => ms > 500).length,
      pollIntervalMs: POLL_MS,
    };
  } finally {
    await worker.stop();
  }
}

// --- Rebuild -----------------------------------------------------------------------------------------

interface RebuildResult {
  events: number;
  organisations: number;
  generateSeconds: number;
  rebuildSeconds: number;
  eventsPerSecond: number;
}

async function rebuildSpeed(
  context: INestApplicationContext,
  admin: Client,
  cityId: CityId,
): Promise<RebuildResult> {
  // Events written straight into the table as the superuser (hashes are placeholders: a rebuild does not
  // verify the chain). Organisation n's version v sits at position (v - 1) * organisations + n + 1, so
  // the streams interleave like a city's real log.
  const generateStart = now();
  const organisations = REBUILD_ORGANISATIONS;
  const chunk = 100_000;
  await admin.query('SET session_replication_role = replica');
  for (let from = 1; from <= REBUILD_EVENTS; from += chunk) {
    const to = Math.min(REBUILD_EVENTS, from + chunk - 1);
    await admin.query(
      `INSERT INTO events (tenant_id, position, stream_id, stream_version, event_id, type, schema_version, data, metadata,
                           recorded_at, idempotency_key, prev_hash, hash, hash_version)
       SELECT $1, g, 'organisation-' || o.id, o.v, gen_random_uuid(),
              CASE WHEN o.v = 1 THEN 'OrganisationRegistered' WHEN o.v % 2 = 0 THEN 'OrganisationRenamed'
                   ELSE 'OrganisationReclassified' END,
              1,
              CASE WHEN o.v = 1 THEN jsonb_build_object('organisationId', o.id, 'name', 'Org ' || o.n, 'kind', 'cso')
                   WHEN o.v % 2 = 0 THEN jsonb_build_object('organisationId', o.id, 'name', 'Org ' || o.n || ' v' || o.v)
                   ELSE jsonb_build_object('organisationId', o.id,
                                           'kind', (enum_range(NULL::organisation_kind))[1 + o.v % 5]) END,
              '{"actorId":"bench"}'::jsonb,
              timestamptz '2026-01-01 00:00:00+00' + g * interval '1 millisecond',
              NULL, repeat('0', 64), repeat('0', 64), 2
         FROM generate_series($2::bigint, $3::bigint) AS g,
              LATERAL (SELECT (g - 1) % $4 AS n, ((g - 1) / $4 + 1)::int AS v,
                              md5('bench-organisation-' || ((g - 1) % $4))::uuid AS id) AS o`,
      [cityId, from, to, organisations],
    );
    log(`  generated ${to.toLocaleString('en')} / ${REBUILD_EVENTS.toLocaleString('en')} events`);
  }
  await admin.query('SET session_replication_role = DEFAULT');
  await admin.query(
    `INSERT INTO tenant_heads (tenant_id, last_position) VALUES ($1, $2)
     ON CONFLICT (tenant_id) DO UPDATE SET last_position = EXCLUDED.last_position`,
    [cityId, REBUILD_EVENTS],
  );
  await admin.query('VACUUM ANALYZE events');
  await admin.query('CHECKPOINT');
  const generateSeconds = (now() - generateStart) / 1_000;

  const projection = context.get(ProjectionRegistry).get(ORGANISATIONS_PROJECTION);
  let reported = 0;
  const start = now();
  const position = await context
    .get(ProjectionRebuilder)
    .rebuild(cityId, projection, ({ position, head }) => {
      if (position - reported >= 200_000 || position === head) {
        reported = position;
        log(`  rebuilt ${position.toLocaleString('en')} / ${head.toLocaleString('en')}`);
      }
    });
  const rebuildSeconds = (now() - start) / 1_000;
  const { rows } = await admin.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM organisations WHERE tenant_id = $1`,
    [cityId],
  );
  if (position !== REBUILD_EVENTS || rows[0].n !== Math.min(organisations, REBUILD_EVENTS))
    throw new Error(`Rebuild ended at ${position} with ${rows[0].n} organisations`);
  return {
    events: REBUILD_EVENTS,
    organisations: rows[0].n,
    generateSeconds: round(generateSeconds),
    rebuildSeconds: round(rebuildSeconds),
    eventsPerSecond: Math.round(REBUILD_EVENTS / rebuildSeconds),
  };
}

// --- Main ----------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const config = benchConfig(WRITERS + 8);
  const database = databaseName(config);
  log(
    `Event store benchmark on scratch database ${database} (${cpus().length} CPUs, Node ${process.version})`,
  );
  await dropDatabase(config, database);
  await bootstrapDatabase(config);
  const admin = await connect(databaseUrl(config, 'admin'));
  let context: INestApplicationContext | undefined;
  try {
    const postgres = (await admin.query<{ v: string }>(`SELECT current_setting('server_version') AS v`))
      .rows[0].v;
    context = await NestFactory.createApplicationContext(
      { module: BenchModule, imports: [BaseModule.forRoot(config), StakeholdersModule] },
      { logger: false },
    );
    const store = context.get(EventStore);
    const throughputCities = await createCities(admin, 'bench-append', WRITERS);
    const lagCities = await createCities(admin, 'bench-lag', LAG_CITIES);
    const [rebuildCity] = await createCities(admin, 'bench-rebuild', 1);

    let throughput: ThroughputRow[] | undefined;
    let lag: LagResult | undefined;
    let rebuild: RebuildResult | undefined;
    if (ONLY.has('append')) {
      log(`\nAppend throughput (${SECONDS} s per run)`);
      throughput = await appendThroughput(store, admin, config, throughputCities);
    }
    if (ONLY.has('lag')) {
      // Flush what the previous runs wrote, so that a checkpoint's I/O is less likely to land mid-run.
      await admin.query('CHECKPOINT');
      log(
        `\nProjection lag (${LAG_RATE} appends/s over ${LAG_CITIES} cities for ${LAG_SECONDS} s, ` +
          `after ${LAG_WARMUP_SECONDS} s of warm-up)`,
      );
      lag = await projectionLag(store, admin, config, lagCities);
    }
    if (ONLY.has('rebuild')) {
      log(
        `\nRebuild (${REBUILD_EVENTS.toLocaleString('en')} events, ` +
          `${REBUILD_ORGANISATIONS.toLocaleString('en')} organisations, one city)`,
      );
      rebuild = await rebuildSpeed(context, admin, rebuildCity);
    }

    if (throughput) {
      log(
        '\nAppend throughput: EventStore.append vs a plain INSERT of the same rows (one statement and transaction each)',
      );
      log(
        table(
          [
            'writers',
            'cities',
            'batch',
            'store events/s',
            'store appends/s',
            'plain INSERT events/s',
            'ratio',
          ],
          throughput.map((r) => [
            r.writers,
            r.cities,
            r.batch,
            r.storeEventsPerSecond,
            r.storeAppendsPerSecond,
            r.plainEventsPerSecond,
            r.ratio,
          ]),
        ),
      );
    }
    if (rebuild) {
      log('\nRebuild of the organisations projection');
      log(
        table(
          ['events', 'organisations', 'rebuild s', 'events/s'],
          [[rebuild.events, rebuild.organisations, rebuild.rebuildSeconds, rebuild.eventsPerSecond]],
        ),
      );
    }
    if (lag) {
      log(`\nProjection lag, append commit → organisations checkpoint (${lag.worker})`);
      log(
        table(
          [
            'appends/s target',
            'achieved',
            'measured',
            'unmeasured',
            'p50 ms',
            'p99 ms',
            'max ms',
            '>100 ms',
            '>500 ms',
          ],
          [
            [
              lag.targetAppendsPerSecond,
              lag.achievedAppendsPerSecond,
              lag.measured,
              lag.unmeasured,
              lag.p50Ms,
              lag.p99Ms,
              lag.maxMs,
              lag.over100Ms,
              lag.over500Ms,
            ],
          ],
        ),
      );
      log(`(lag is observed by polling every ${lag.pollIntervalMs} ms, which bounds its resolution)`);
    }

    const results = {
      ranAt: new Date().toISOString(),
      environment: { node: process.version, postgres, cpus: cpus().length, cpuModel: cpus()[0]?.model },
      settings: { secondsPerThroughputRun: SECONDS, writers: WRITERS, payloadBytes: PAYLOAD.length },
      appendThroughput: throughput,
      rebuild,
      projectionLag: lag,
    };
    const directory = resolve(process.cwd(), 'bench-results');
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, 'events.json'), `${JSON.stringify(results, null, 2)}\n`);
    log(`\nWritten to ${join(directory, 'events.json')}`);
  } finally {
    await context?.close();
    await admin.end();
    await deleteQueueKeys(config);
    await dropDatabase(config, database);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
