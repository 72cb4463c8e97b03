import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import autocannon from 'autocannon';
import { Job, Queue, QueueEvents } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { createApi } from '@rl/api';
import { appendPublicationChange, PUBLICATION_PROJECTION } from '@rl/comparisons';
import { EventMetadata, EventStore } from '@rl/event-store';
import { IndicatorDefinition, IndicatorEvent, indicatorStream } from '@rl/indicators';
import { asCityId, CityId } from '@rl/kernel';
import { databaseName, databaseUrl } from '@rl/persistence';
import { ProjectionRegistry } from '@rl/projections';
import { bullConnection, QueueName } from '@rl/queue';
import { parsePeriodCode, PeriodEvent, periodStream, SubmissionEvent, submissionStream } from '@rl/reporting';
import { RegisterOrganisationCommand } from '@rl/stakeholders';
import { CreateCityCommand } from '@rl/tenancy';
import { createWorker } from '@rl/worker';
// Not exported by @rl/comparisons (yet): the event shapes and stream names the publication projection reads.
import { ComparisonsEvent, populationStream } from '../../libs/comparisons/src/domain/comparisons.events';
import { bootstrapDatabase, dropDatabase } from '../db/bootstrap';
import { activeMember, benchOperator, listenLocally, logIn } from './bench-city';
import {
  benchConfig,
  connect,
  deleteQueueKeys,
  log,
  now,
  percentile,
  round,
  runBench,
  sleep,
  table,
} from './bench-kit';

// npm run bench:comparisons: cross-city comparisons at 100 cities × 200 comparable indicators × 10 yearly
// periods (200,000 validated values). Seeds the cities' event logs straight through the event store (the
// same event types and shapes the commands write), then starts the worker and times the cold build (every
// projection from scratch, then every comparison), a full recomputation of the 200 framework codes, the
// delay from one validated value to the updated comparison, a burst of validations (how well wake-ups
// coalesce), and the latency of GET /v1/comparisons under 50 concurrent clients. API and worker run in
// this process, as `npm start` runs them, on a scratch database (BENCH_DATABASE, default
// rl_bench_comparisons) that it creates and drops; writes bench-results/comparisons.json. At full size
// it took about 17 minutes on a 2-core machine, 10 of them the cold build; BENCH_CITIES, BENCH_CODES,
// BENCH_YEARS, BENCH_SAMPLES, BENCH_BURST and BENCH_SECONDS make smaller runs.
process.env.BENCH_DATABASE ??= 'rl_bench_comparisons';
const CITIES = Number(process.env.BENCH_CITIES ?? 100);
const CODES = Number(process.env.BENCH_CODES ?? 200);
const YEARS = Number(process.env.BENCH_YEARS ?? 10);
const FIRST_YEAR = 2015;
const SEED_CONCURRENCY = Number(process.env.BENCH_SEED_CONCURRENCY ?? 8);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);
const BURST = Number(process.env.BENCH_BURST ?? 1_000);
const BURST_CONCURRENCY = 16;
const QUERY_SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const QUERY_CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
// The scratch server may run without autovacuum: ANALYZE after seeding and after the cold build, as
// autovacuum would, so that plans are made for tables that are no longer empty.
const ANALYZE = process.env.BENCH_ANALYZE !== 'false';
// Diagnosis, off by default: hold the comparisons queue during the cold build until every projection
// has caught up, to see how much of the cold build the recomputations triggered along the way cost.
const HOLD_COMPARISONS = process.env.BENCH_HOLD_COMPARISONS === 'true';
const POOL_SIZE = 20;
const POLL_MS = 15;
const SAMPLE_TIMEOUT_MS = 30_000;
const BUILD_TIMEOUT_MS = 15 * 60_000;
const FRAMEWORK = 'SDG';
const PASSWORD = 'bench-official-password';
const TIMEZONE = 'Europe/Brussels';

// Rates in three units that convert into each other (so every comparison converts units), direction
// fixed per code (a different direction would rule the city out).
const UNITS = [
  { unit: 'percent', factor: 1 },
  { unit: 'per 1000 inhabitants', factor: 10 },
  { unit: 'per 10000 inhabitants', factor: 100 },
] as const;

const pad = (n: number) => String(n).padStart(3, '0');
const codeOf = (i: number) => `B.${i + 1}`;
const yearOf = (y: number) => FIRST_YEAR + y;

// Deterministic pseudo-random numbers (mulberry32), so two runs pick the same samples.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface City {
  index: number;
  id: CityId;
  slug: string;
  organisationId: string;
  indicatorIds: string[];
  periodIds: string[];
}

// City c's definition of framework code i: most cities share the wording, every 17th describes something
// else (DEFINITION_DIFFERS), every 11th a different methodology, every 5th has no breakdown by sex.
function definitionOf(c: number, i: number): IndicatorDefinition {
  const { unit } = UNITS[(c * 7 + i) % UNITS.length];
  const description =
    c % 17 === 0
      ? `Registered cases reported by municipal services for condition ${i + 1} among children under five`
      : `Share of residents affected by condition ${i + 1}, measured by the city household survey`;
  return {
    code: `CMP-${pad(i + 1)}`,
    name: { en: `Residents affected by condition ${i + 1}` },
    description: { en: description },
    right: 'adequate housing',
    type: 'outcome',
    unit,
    direction: i % 2 === 0 ? 'lower_is_better' : 'higher_is_better',
    disaggregations:
      c % 5 === 0
        ? [{ dimension: 'district', values: [] }]
        : [
            { dimension: 'district', values: [] },
            { dimension: 'sex', values: ['F', 'M'] },
          ],
    frameworkRefs: [{ framework: FRAMEWORK, code: codeOf(i) }],
    methodology:
      c % 11 === 0
        ? 'Administrative register extract, not weighted, counted on 1 January'
        : 'Household survey of 2,000 addresses, weighted to the census population',
    ...(i % 4 === 0 ? { target: { value: 5, year: 2030 } } : {}),
  };
}

// The seeded value of city c, code i, year y, in the city's unit; a few estimates and provisional ones.
function valueOf(
  c: number,
  i: number,
  y: number,
): { value: number; status: 'normal' | 'estimated' | 'provisional' } {
  const rate = 5 + ((c * 37 + i * 11 + y * 3) % 400) / 10;
  const value = round(rate * UNITS[(c * 7 + i) % UNITS.length].factor, 3);
  const mark = (c + i + y) % 29;
  return { value, status: mark === 0 ? 'estimated' : mark === 1 ? 'provisional' : 'normal' };
}

function validated(
  city: City,
  i: number,
  y: number,
  value: number,
  status: 'normal' | 'estimated' | 'provisional',
) {
  const submissionId = randomUUID();
  const event = {
    type: 'SubmissionValidated',
    data: {
      submissionId,
      indicatorId: city.indicatorIds[i],
      periodId: city.periodIds[y],
      organisationId: city.organisationId,
      observations: [{ key: '', disaggregation: {}, value, status }],
      late: false,
      series: 1,
    },
  } satisfies SubmissionEvent;
  return { stream: submissionStream(submissionId), event };
}

// --- Seeding ---------------------------------------------------------------------------------------

async function createCities(commands: CommandBus, as: EventMetadata & { actorId: string }): Promise<City[]> {
  const cities: City[] = [];
  for (let c = 0; c < CITIES; c++) {
    const city = await commands.execute(
      new CreateCityCommand({
        slug: `cmp-${pad(c)}`,
        name: `Bench City ${pad(c)}`,
        countryCode: 'BE',
        defaultLocale: 'en',
        timezone: TIMEZONE,
      }),
    );
    const cityId = asCityId(city.id);
    const organisation = await commands.execute(
      new RegisterOrganisationCommand(
        cityId,
        { name: `Statistics office ${pad(c)}`, kind: 'local_authority' },
        as,
      ),
    );
    cities.push({
      index: c,
      id: cityId,
      slug: city.slug,
      organisationId: organisation.id,
      indicatorIds: Array.from({ length: CODES }, () => randomUUID()),
      periodIds: Array.from({ length: YEARS }, () => randomUUID()),
    });
  }
  return cities;
}

// One city's log: its indicators and their publication (comparable; every third city also public),
// periods and population in one transaction, then one transaction per year with that year's validated
// values (one submission stream each), as a city validating a year's data at once would write them.
async function seedCity(store: EventStore, city: City, metadata: EventMetadata): Promise<number> {
  const c = city.index;
  let events = 0;
  await store.transact(city.id, async (tx) => {
    for (let i = 0; i < CODES; i++) {
      const indicatorId = city.indicatorIds[i];
      const defined = {
        type: 'IndicatorDefined',
        data: { indicatorId, definition: definitionOf(c, i) },
      } satisfies IndicatorEvent;
      await tx.append(indicatorStream(indicatorId), 0, [defined], metadata);
      await appendPublicationChange(tx, { indicatorId, comparable: true, public: c % 3 === 0 }, metadata, 0);
      events += 2;
    }
    for (let y = 0; y < YEARS; y++) {
      const periodId = city.periodIds[y];
      const period = {
        type: 'PeriodDefined',
        data: {
          periodId,
          ...parsePeriodCode(String(yearOf(y))),
          deadline: `${yearOf(y) + 1}-03-31T22:00:00.000Z`,
          timezone: TIMEZONE,
        },
      } satisfies PeriodEvent;
      await tx.append(periodStream(periodId), 0, [period], metadata);
      events++;
    }
    const population = Array.from(
      { length: YEARS },
      (_, y) =>
        ({
          type: 'ReferencePopulationSet',
          data: {
            year: yearOf(y),
            total: 50_000 + c * 3_000 + y * 400,
            districts: null,
            source: 'Bench figure',
          },
        }) satisfies ComparisonsEvent,
    );
    await tx.append(populationStream(city.id), 0, population, metadata);
    events += population.length;
  });
  for (let y = 0; y < YEARS; y++) {
    await store.transact(city.id, async (tx) => {
      for (let i = 0; i < CODES; i++) {
        const { value, status } = valueOf(c, i, y);
        const { stream, event } = validated(city, i, y, value, status);
        await tx.append(stream, 0, [event], metadata);
      }
    });
    events += CODES;
  }
  return events;
}

// --- Observing the system --------------------------------------------------------------------------

interface BuildState {
  // Cities whose log the projection has not reached the head of, per projection.
  behind: Map<string, number>;
  publicationBehind: number;
  projectionsBehind: number;
  dirty: number;
  results: number;
  queued: number;
}

async function buildState(admin: Client, queue: Queue, projections: string[]): Promise<BuildState> {
  const { rows } = await admin.query<{ projection: string; behind: string; dirty: string; results: string }>(
    `SELECT p.name AS projection,
            count(*) FILTER (WHERE coalesce(c.position, 0) < h.last_position) AS behind,
            (SELECT count(*) FROM comparison_dirty) AS dirty,
            (SELECT count(*) FROM comparison_results WHERE audience = 'members') AS results
       FROM unnest($1::text[]) AS p(name) CROSS JOIN tenant_heads h
       LEFT JOIN projection_checkpoints c ON c.tenant_id = h.tenant_id AND c.projection = p.name
      GROUP BY p.name`,
    [projections],
  );
  const behind = new Map(rows.map((r) => [r.projection, Number(r.behind)]));
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
  return {
    behind,
    publicationBehind: behind.get(PUBLICATION_PROJECTION) ?? 0,
    projectionsBehind: [...behind.values()].reduce((a, b) => a + b, 0),
    dirty: Number(rows[0]?.dirty ?? 0),
    results: Number(rows[0]?.results ?? 0),
    queued: Object.values(counts).reduce((a, b) => a + b, 0),
  };
}

// Every comparison is up to date: the publication projection is at every city's head (so every change
// is marked dirty), no mark is left (each was cleared by a recomputation that started after it) and the
// comparisons queue is idle.
const settled = (s: BuildState) =>
  s.publicationBehind === 0 && s.dirty === 0 && s.queued === 0 && s.results === CODES;

async function until<T>(
  what: string,
  timeoutMs: number,
  pollMs: number,
  check: () => Promise<T | null>,
): Promise<T> {
  const deadline = now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result !== null) return result;
    if (now() > deadline)
      throw new Error(`Timed out after ${round(timeoutMs / 1_000)} s waiting for ${what}`);
    await sleep(pollMs);
  }
}

// Completed and failed recomputations, counted from the queue's event stream.
class RecomputeCounter {
  completed = 0;
  failed = 0;
  constructor(readonly events: QueueEvents) {
    events.on('completed', () => this.completed++);
    events.on('failed', () => this.failed++);
  }
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
  };
};

// --- Phases ----------------------------------------------------------------------------------------

async function fullRecompute(admin: Client, queue: Queue, counter: RecomputeCounter) {
  const codes = Array.from({ length: CODES }, (_, i) => codeOf(i));
  const before = counter.completed;
  const enqueuedAt = Date.now();
  const started = now();
  // As the wake-ups enqueue them (deduplicated per code), without the coalescing delay.
  const jobs = await queue.addBulk(
    codes.map((code) => ({
      name: 'comparisons.recompute',
      data: { framework: FRAMEWORK, code },
      opts: { deduplication: { id: `${FRAMEWORK}|${code}` } },
    })),
  );
  await until('the full recomputation', BUILD_TIMEOUT_MS, 20, async () => {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    const queued = Object.values(counts).reduce((a, b) => a + b, 0);
    return queued === 0 && counter.completed - before >= jobs.length ? true : null;
  });
  const observedMs = now() - started;
  const finished = await Promise.all(jobs.map((job) => Job.fromId(queue, job.id ?? '')));
  const perCode = finished.flatMap((job) =>
    job?.processedOn && job.finishedOn ? [job.finishedOn - job.processedOn] : [],
  );
  const lastFinished = Math.max(...finished.map((job) => job?.finishedOn ?? 0));
  const { rows } = await admin.query<{ n: string; bytes: string }>(
    `SELECT count(*) AS n, coalesce(avg(pg_column_size(rows) + pg_column_size(definitions) + pg_column_size(values)), 0) AS bytes
       FROM comparison_results WHERE audience = 'members'`,
  );
  return {
    codes: CODES,
    audiences: 2,
    concurrency: 2,
    seconds: round((lastFinished > 0 ? lastFinished - enqueuedAt : observedMs) / 1_000, 2),
    codesPerSecond: round(CODES / ((lastFinished > 0 ? lastFinished - enqueuedAt : observedMs) / 1_000), 1),
    perCodeMs: stats(perCode),
    storedKbPerCode: round(Number(rows[0].bytes) / 1_024, 1),
  };
}

interface SampleResult {
  totalMs: number;
  projectedMs: number | null;
  appendMs: number;
}

// One validated value for a random (city, code, year) and the delay until GET /v1/comparisons would
// show it: the members' comparison of that code recomputed with the new value in that city's row.
async function oneSample(
  store: EventStore,
  admin: Client,
  cities: City[],
  pick: () => number,
  k: number,
  metadata: EventMetadata,
): Promise<SampleResult | null> {
  const city = cities[Math.floor(pick() * cities.length)];
  const i = Math.floor(pick() * CODES);
  const y = Math.floor(pick() * YEARS);
  const code = codeOf(i);
  const period = String(yearOf(y));
  const value = 7_000 + k + 0.25;
  const probe = async () => {
    const { rows } = await admin.query<{ checkpoint: string | null; at: string | null }>(
      `SELECT (SELECT position FROM projection_checkpoints WHERE tenant_id = $1 AND projection = $2) AS checkpoint,
              (SELECT computed_at::text FROM comparison_results WHERE audience = 'members' AND framework = $3 AND code = $4) AS at`,
      [city.id, PUBLICATION_PROJECTION, FRAMEWORK, code],
    );
    return { checkpoint: Number(rows[0].checkpoint ?? 0), at: rows[0].at };
  };
  let lastAt = (await probe()).at;
  const { stream, event } = validated(city, i, y, value, 'normal');
  const started = now();
  const { position } = await store.append(city.id, stream, 0, [event], metadata);
  const appendMs = now() - started;
  let projectedMs: number | null = null;
  const deadline = started + SAMPLE_TIMEOUT_MS;
  while (now() < deadline) {
    const state = await probe();
    const at = now();
    if (projectedMs === null && state.checkpoint >= position) projectedMs = at - started;
    if (state.at !== lastAt) {
      lastAt = state.at;
      const { rows } = await admin.query<{ seen: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM comparison_results r, jsonb_array_elements(r.rows -> $3) AS x
                         WHERE r.audience = 'members' AND r.framework = $1 AND r.code = $2
                           AND x->>'city' = $4 AND (x->>'value')::float8 = $5) AS seen`,
        [FRAMEWORK, code, period, city.slug, value],
      );
      if (rows[0].seen) return { totalMs: now() - started, projectedMs, appendMs };
    }
    await sleep(POLL_MS);
  }
  return null;
}

async function burst(
  store: EventStore,
  admin: Client,
  queue: Queue,
  counter: RecomputeCounter,
  cities: City[],
  projections: string[],
  metadata: EventMetadata,
) {
  const pick = random(99);
  const work = Array.from({ length: BURST }, (_, n) => ({
    city: cities[Math.floor(pick() * cities.length)],
    i: Math.floor(pick() * CODES),
    y: Math.floor(pick() * YEARS),
    value: 8_000 + n / 1_000,
  }));
  const codesTouched = new Set(work.map((w) => w.i)).size;
  const before = counter.completed;
  const startedAt = Date.now();
  const started = now();
  let next = 0;
  await Promise.all(
    Array.from({ length: BURST_CONCURRENCY }, async () => {
      for (let n = next++; n < work.length; n = next++) {
        const { city, i, y, value } = work[n];
        const { stream, event } = validated(city, i, y, value, 'normal');
        await store.append(city.id, stream, 0, [event], metadata);
      }
    }),
  );
  const appendSeconds = (now() - started) / 1_000;
  await until('the burst to settle', BUILD_TIMEOUT_MS, 50, async () =>
    settled(await buildState(admin, queue, projections)) ? true : null,
  );
  const settleSeconds = (now() - started) / 1_000;
  const recomputations = counter.completed - before;
  // Per code, from the completed jobs the queue keeps (its last 1,000).
  const jobs = (await queue.getJobs(['completed'], 0, 999)).filter((job) => job.timestamp >= startedAt);
  const perCode = new Map<string, number>();
  for (const job of jobs) {
    const code = (job.data as { code: string }).code;
    perCode.set(code, (perCode.get(code) ?? 0) + 1);
  }
  const counts = [...perCode.values()];
  return {
    validations: BURST,
    concurrency: BURST_CONCURRENCY,
    codesTouched,
    appendSeconds: round(appendSeconds, 2),
    validationsPerSecond: Math.round(BURST / appendSeconds),
    settleSeconds: round(settleSeconds, 2),
    recomputations,
    recomputationsPerValidation: round(recomputations / BURST, 3),
    maxRecomputationsOfOneCode: counts.length > 0 ? Math.max(...counts) : 0,
    meanRecomputationsPerTouchedCode: round(recomputations / codesTouched, 2),
  };
}

// GET /v1/comparisons for a random code and period: one client alone first (the service time), then 50
// clients at once (autocannon).
async function queryLatency(base: string, accessToken: string) {
  const pick = random(7);
  const path = () =>
    `/v1/comparisons?framework=${FRAMEWORK}&code=${codeOf(Math.floor(pick() * CODES))}&period=${yearOf(
      Math.floor(pick() * YEARS),
    )}`;
  const headers = { authorization: `Bearer ${accessToken}` };
  const probe = await fetch(`${base}${path()}`, { headers });
  const probeBody = await probe.text();
  if (!probe.ok) throw new Error(`GET /v1/comparisons answered ${probe.status}: ${probeBody.slice(0, 300)}`);
  const rowsPerResponse = (JSON.parse(probeBody) as { rows?: unknown[] }).rows?.length ?? 0;
  const single: number[] = [];
  for (let n = 0; n < 200; n++) {
    const started = now();
    const response = await fetch(`${base}${path()}`, { headers });
    await response.arrayBuffer();
    single.push(now() - started);
  }
  const result = await autocannon({
    url: base,
    connections: QUERY_CONNECTIONS,
    duration: QUERY_SECONDS,
    headers,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: path() }) }],
  });
  return {
    measured: 'GET /v1/comparisons over HTTP (autocannon in this process)',
    connections: QUERY_CONNECTIONS,
    seconds: QUERY_SECONDS,
    requests: result.requests.total,
    requestsPerSecond: round(result.requests.average),
    latencyMs: {
      p50: result.latency.p50,
      p99: result.latency.p99,
      mean: round(result.latency.mean),
      max: result.latency.max,
    },
    singleClientMs: stats(single),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    responseKb: round(result.throughput.total / Math.max(1, result.requests.total) / 1_024, 1),
    rowsPerResponse,
  };
}

// --- Main --------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const config = benchConfig(POOL_SIZE);
  const name = databaseName(config);
  log(
    `Comparison benchmark on scratch database ${name} (${cpus().length} CPUs, Node ${process.version}, ` +
      `load average ${loadavg()[0].toFixed(1)})`,
  );
  const { created } = await bootstrapDatabase(config);
  if (!created)
    throw new Error(`Database ${name} already exists: drop it or set BENCH_DATABASE to a new name`);
  const api = await createApi(config);
  const base = await listenLocally(api);
  const admin = await connect(databaseUrl(config, 'admin'));
  const queue = api.get<Queue>(getQueueToken(QueueName.Comparisons));
  const queueEvents = new QueueEvents(QueueName.Comparisons, {
    connection: bullConnection(config.redis.url),
    prefix: config.redis.queuePrefix,
  });
  let worker: INestApplicationContext | undefined;
  try {
    await queueEvents.waitUntilReady();
    const counter = new RecomputeCounter(queueEvents);
    const commands = api.get(CommandBus);
    const store = api.get(EventStore);
    const as = await benchOperator(commands, {
      email: 'bench-operator@bench.local',
      name: 'Bench operator',
      password: PASSWORD,
    });

    // 1. Seeding, worker not running yet.
    const values = CITIES * CODES * YEARS;
    log(
      `Seeding ${CITIES} cities × ${CODES} indicators (${FRAMEWORK} ${codeOf(0)}…${codeOf(CODES - 1)}) × ${YEARS} years = ` +
        `${values.toLocaleString('en')} validated values through the event store, ${SEED_CONCURRENCY} cities at a time…`,
    );
    const seedStarted = now();
    const cities = await createCities(commands, as);
    const citiesSeconds = (now() - seedStarted) / 1_000;
    let next = 0;
    let events = 0;
    let done = 0;
    await Promise.all(
      Array.from({ length: SEED_CONCURRENCY }, async () => {
        for (let c = next++; c < cities.length; c = next++) {
          const appended = await seedCity(store, cities[c], as);
          events += appended;
          if (++done % 10 === 0) log(`  ${done}/${CITIES} cities, ${round((now() - seedStarted) / 1_000)} s`);
        }
      }),
    );
    const seedSeconds = (now() - seedStarted) / 1_000;
    const setup = {
      cities: CITIES,
      indicatorsPerCity: CODES,
      years: YEARS,
      values,
      events,
      citiesSeconds: round(citiesSeconds, 2),
      seconds: round(seedSeconds, 1),
      eventsPerSecond: Math.round(events / (seedSeconds - citiesSeconds)),
      analyzeSeconds: 0,
    };
    log(
      `Seeded ${events.toLocaleString('en')} events in ${setup.seconds} s (${setup.eventsPerSecond} events/s)`,
    );
    if (ANALYZE) {
      const analyzeStarted = now();
      await admin.query('ANALYZE');
      setup.analyzeSeconds = round((now() - analyzeStarted) / 1_000, 1);
    }

    // 2. Cold build: the worker starts on the seeded logs; every projection catches up and every
    // comparison is computed.
    log(
      `Cold build: starting the worker${HOLD_COMPARISONS ? ' (comparisons held until projections are at head)' : ''}…`,
    );
    if (HOLD_COMPARISONS) await queue.pause();
    let heldSeconds: number | null = null;
    const buildStarted = now();
    worker = await createWorker(config);
    const bootSeconds = (now() - buildStarted) / 1_000;
    const projections = worker
      .get(ProjectionRegistry)
      .all()
      .map((p) => p.name);
    let publicationSeconds = Number.NaN;
    let projectionsSeconds = Number.NaN;
    const atHead = new Map<string, number>();
    let lastLog = now();
    const watchProjections = (state: BuildState, at: number) => {
      for (const [projection, behind] of state.behind) {
        if (behind === 0 && !atHead.has(projection)) atHead.set(projection, round(at, 1));
      }
    };
    await until('the cold build', BUILD_TIMEOUT_MS, 250, async () => {
      const state = await buildState(admin, queue, projections);
      const at = (now() - buildStarted) / 1_000;
      watchProjections(state, at);
      if (HOLD_COMPARISONS && heldSeconds === null && state.projectionsBehind === 0) {
        heldSeconds = round(at, 1);
        await queue.resume();
      }
      if (Number.isNaN(publicationSeconds) && state.publicationBehind === 0) publicationSeconds = at;
      if (Number.isNaN(projectionsSeconds) && state.projectionsBehind === 0) projectionsSeconds = at;
      if (now() - lastLog > 15_000) {
        lastLog = now();
        log(
          `  ${round(at)} s: publication behind in ${state.publicationBehind} cities, ` +
            `${state.projectionsBehind} (city, projection) pairs behind, ${state.dirty} codes dirty, ` +
            `${state.results}/${CODES} computed, ${counter.completed} recomputations`,
        );
      }
      return settled(state) ? true : null;
    });
    const coldSeconds = (now() - buildStarted) / 1_000;
    const cold = {
      workerBootSeconds: round(bootSeconds, 2),
      publicationAtHeadSeconds: round(publicationSeconds, 1),
      allProjectionsAtHeadSeconds: round(projectionsSeconds, 1),
      comparisonsComputedSeconds: round(coldSeconds, 1),
      recomputations: counter.completed,
      failedRecomputations: counter.failed,
      // BENCH_HOLD_COMPARISONS: seconds until the comparisons queue was resumed, else null.
      comparisonsHeldSeconds: heldSeconds,
      // Seconds from the worker's start until each projection reached every city's head.
      projectionAtHeadSeconds: {} as Record<string, number>,
    };
    log(`Cold build ${cold.comparisonsComputedSeconds} s (${cold.recomputations} recomputations)`);
    // Let the other projections finish too, so they do not compete with what follows.
    await until('every projection', BUILD_TIMEOUT_MS, 250, async () => {
      const state = await buildState(admin, queue, projections);
      watchProjections(state, (now() - buildStarted) / 1_000);
      return state.projectionsBehind === 0 ? true : null;
    });
    cold.allProjectionsAtHeadSeconds = Math.max(...atHead.values());
    cold.projectionAtHeadSeconds = Object.fromEntries([...atHead].sort((a, b) => a[1] - b[1]));
    log(
      `  projections at head (s): ${Object.entries(cold.projectionAtHeadSeconds)
        .map(([p, at]) => `${p} ${at}`)
        .join(', ')}`,
    );
    if (ANALYZE) await admin.query('ANALYZE');

    // 3. Full recomputation of every code.
    log(`Full recomputation of ${CODES} codes…`);
    const full = await fullRecompute(admin, queue, counter);

    // 4. Validated value → updated comparison, one at a time.
    log(`${SAMPLES} validations, one at a time, each until its comparison shows it…`);
    const pick = random(42);
    const samples: SampleResult[] = [];
    let missing = 0;
    for (let k = 0; k < SAMPLES; k++) {
      const sample = await oneSample(store, admin, cities, pick, k, as);
      if (sample) samples.push(sample);
      else missing++;
    }
    const total = stats(samples.map((s) => s.totalMs));
    const projected = stats(samples.flatMap((s) => (s.projectedMs === null ? [] : [s.projectedMs])));
    const freshness = {
      samples: SAMPLES,
      missing,
      pollMs: POLL_MS,
      coalesceDelayMs: 500,
      totalMs: total,
      projectedMs: projected,
      appendMs: stats(samples.map((s) => s.appendMs)),
    };

    // 5. A burst of validations: how many recomputations they cause.
    log(`Burst of ${BURST} validations…`);
    const burstResult = await burst(store, admin, queue, counter, cities, projections, as);

    // 6. Query latency.
    log(`GET /v1/comparisons, ${QUERY_CONNECTIONS} clients for ${QUERY_SECONDS} s…`);
    const official = { email: 'official@bench.local', name: 'Bench official', password: PASSWORD };
    await activeMember(commands, cities[0].id, as, { ...official, role: 'official' });
    const accessToken = await logIn(base, official.email, PASSWORD);
    const query = await queryLatency(base, accessToken);

    const report = { setup, coldBuild: cold, fullRecompute: full, freshness, burst: burstResult, query };
    log('');
    log(
      table(
        ['setup', 'cities', 'indicators', 'values', 'events', 'seconds', 'events/s'],
        [['seed', CITIES, CITIES * CODES, values, events, setup.seconds, setup.eventsPerSecond]],
      ),
    );
    log('');
    log(
      table(
        [
          'cold build (s)',
          'worker boot',
          'publication at head',
          'all projections at head',
          'comparisons computed',
          'recomputations',
        ],
        [
          [
            'from end of seeding',
            cold.workerBootSeconds,
            cold.publicationAtHeadSeconds,
            cold.allProjectionsAtHeadSeconds,
            cold.comparisonsComputedSeconds,
            cold.recomputations,
          ],
        ],
      ),
    );
    log('');
    log(
      table(
        [
          'full recomputation',
          'codes',
          'seconds',
          'codes/s',
          'per code p50 ms',
          'p99 ms',
          'max ms',
          'stored KB/code',
        ],
        [
          [
            `queue, concurrency ${full.concurrency}`,
            full.codes,
            full.seconds,
            full.codesPerSecond,
            full.perCodeMs.p50,
            full.perCodeMs.p99,
            full.perCodeMs.max,
            full.storedKbPerCode,
          ],
        ],
      ),
    );
    log('');
    log(
      table(
        [
          'validated value → comparison',
          'samples',
          'missing',
          'p50 ms',
          'p99 ms',
          'max ms',
          'projected p50 ms',
          'p99 ms',
        ],
        [['sequential', SAMPLES, missing, total.p50, total.p99, total.max, projected.p50, projected.p99]],
      ),
    );
    log('');
    log(
      table(
        ['burst', 'validations', 'codes touched', 'append s', 'settled s', 'recomputations', 'max per code'],
        [
          [
            `${BURST_CONCURRENCY} writers`,
            burstResult.validations,
            burstResult.codesTouched,
            burstResult.appendSeconds,
            burstResult.settleSeconds,
            burstResult.recomputations,
            burstResult.maxRecomputationsOfOneCode,
          ],
        ],
      ),
    );
    log('');
    log(
      `Query: ${query.measured}; one client alone: p50 ${query.singleClientMs.p50} ms, ` +
        `p99 ${query.singleClientMs.p99} ms`,
    );
    log(
      table(
        ['connections', 'req/s', 'p50 ms', 'p99 ms', 'mean ms', 'non-2xx', 'errors', 'KB/response', 'rows'],
        [
          [
            query.connections,
            query.requestsPerSecond,
            query.latencyMs.p50,
            query.latencyMs.p99,
            query.latencyMs.mean,
            query.non2xx,
            query.errors,
            query.responseKb,
            query.rowsPerResponse,
          ],
        ],
      ),
    );
    const dir = resolve(__dirname, '../../../bench-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'comparisons.json'),
      JSON.stringify(
        { ranAt: new Date().toISOString(), cpus: cpus().length, analyzed: ANALYZE, ...report },
        null,
        2,
      ),
    );
    log(`\nWritten to ${join(dir, 'comparisons.json')}`);
  } finally {
    await admin.end();
    await queueEvents.close();
    await Promise.all([api.close(), worker?.close()]);
    await deleteQueueKeys(config);
    if (created) await dropDatabase(config, name);
  }
}

runBench(main);
