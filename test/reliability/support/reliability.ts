import { databaseUrl } from '@rl/persistence';
import { EventStore } from '@rl/event-store';
import { INestApplicationContext, Provider } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import Redis from 'ioredis';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { AppConfig } from '@rl/config';
import { asCityId, CityId } from '@rl/kernel';
import { BaseModule } from '@rl/runtime';
import {
  ORGANISATION_KINDS,
  OrganisationEvent,
  organisationStream,
  StakeholdersModule,
} from '@rl/stakeholders';
import { testConfig } from '../../support/test-config';

// This jest worker's database, and BullMQ keys of this suite alone: a concurrent run (another checkout,
// another suite) sharing the Redis server never takes our wake-ups, and we can delete exactly ours.
export function reliabilityConfig(overrides: Record<string, string> = {}): AppConfig {
  const worker = process.env.JEST_WORKER_ID ?? '1';
  return testConfig({ QUEUE_PREFIX: `rl-rel-${worker}-${randomUUID().slice(0, 8)}`, ...overrides });
}

// The event store and the projection engine with the organisations projection, and no BullMQ processor:
// wake-ups are queued but nobody runs them, so a test drives the runner itself.
export async function bootContext(
  config: AppConfig,
  providers: Provider[] = [],
): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({
    imports: [BaseModule.forRoot(config), StakeholdersModule],
    providers,
  }).compile();
  // The application's logger at the configured level (silent in tests), as the real apps use it.
  moduleRef.useLogger(moduleRef.get(Logger));
  return moduleRef.init();
}

export interface StoreContext {
  config: AppConfig;
  context: INestApplicationContext;
  store: EventStore;
  admin: Client;
}

// Boots a context for the enclosing describe block (its fields are set once beforeAll ran) and cleans up
// after it: the context, the superuser connection and the block's queue keys.
export function useStoreContext(overrides: Record<string, string> = {}): StoreContext {
  const env = {} as StoreContext;
  beforeAll(async () => {
    env.config = reliabilityConfig(overrides);
    env.admin = await adminClient(databaseUrl(env.config, 'admin'));
    env.context = await bootContext(env.config);
    env.store = env.context.get(EventStore);
  });
  afterAll(async () => {
    await env.context?.close();
    await env.admin?.end();
    if (env.config) await deleteQueueKeys(env.config);
  });
  return env;
}

export async function adminClient(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

export async function newCity(admin: Client, label: string): Promise<CityId> {
  const id = randomUUID();
  await admin.query(
    `INSERT INTO cities (id, slug, name, country_code, default_locale, timezone) VALUES ($1, $2, $2, 'BE', 'nl', 'Europe/Brussels')`,
    [id, `${label}-${id.slice(0, 8)}`],
  );
  return asCityId(id);
}

// Every BullMQ key under this configuration's prefix: what a FLUSHALL (or a Redis restart without
// persistence) does to us, without touching other suites that share the server.
export async function deleteQueueKeys(config: AppConfig): Promise<number> {
  const redis = new Redis(config.redis.url);
  try {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.redis.queuePrefix}:*`, 'COUNT', 1_000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
    return deleted;
  } finally {
    redis.disconnect();
  }
}

export interface TsProcess {
  child: ChildProcess;
  // Everything it wrote to stdout and stderr so far.
  output: () => string;
  // Its exit code, or the signal that ended it.
  exited: Promise<NodeJS.Signals | number | null>;
}

// Runs a TypeScript file of this repository in a node process of its own (a real worker, for a test to
// run beside another or to kill), with the parent's environment plus `env`.
export function spawnTs(file: string, env: Record<string, string>): TsProcess {
  const child = spawn(process.execPath, ['--require', join(__dirname, 'register-ts.js'), file], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  return { child, output: () => output, exited };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Polls `probe` until it returns true, at most `timeoutMs`: a bound on waiting, not a timing assertion.
export async function eventually(
  probe: () => Promise<boolean>,
  timeoutMs: number,
  pollMs = 50,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(pollMs);
  }
}

export interface ExpectedOrganisation {
  id: string;
  name: string;
  kind: string;
  version: number;
}

// The events of one organisation: registered, then alternately renamed and reclassified, so that the
// final row depends on applying every event exactly in order.
export function organisationHistory(id: string, seed: number, eventCount: number): OrganisationEvent[] {
  const kind = (n: number) => ORGANISATION_KINDS[n % ORGANISATION_KINDS.length];
  const events: OrganisationEvent[] = [
    {
      type: 'OrganisationRegistered',
      data: { organisationId: id, name: `Org ${seed} v1`, kind: kind(seed) },
    },
  ];
  for (let v = 2; v <= eventCount; v++) {
    events.push(
      v % 2 === 0
        ? { type: 'OrganisationRenamed', data: { organisationId: id, name: `Org ${seed} v${v}` } }
        : { type: 'OrganisationReclassified', data: { organisationId: id, kind: kind(seed + v) } },
    );
  }
  return events;
}

export function expectedRow(id: string, history: OrganisationEvent[]): ExpectedOrganisation {
  let name = '';
  let kind = '';
  for (const event of history) {
    if ('name' in event.data) name = event.data.name;
    if ('kind' in event.data) kind = event.data.kind;
  }
  return { id, name, kind, version: history.length };
}

// Appends `organisations` organisations of `eventsPerOrganisation` events each through the append
// function (as the superuser: fast, and without wake-ups), in rounds of a few events per organisation,
// so that the streams interleave in the city's log and batches mix streams and versions. Returns the
// rows a correct projection must end with, ordered by id.
export async function seedOrganisations(
  admin: Client,
  cityId: CityId,
  organisations: number,
  eventsPerOrganisation: number,
): Promise<ExpectedOrganisation[]> {
  const histories = Array.from({ length: organisations }, (_, i) => {
    const id = randomUUID();
    return { id, events: organisationHistory(id, i, eventsPerOrganisation) };
  });
  const chunk = Math.max(1, Math.ceil(eventsPerOrganisation / 3));
  // 100 appends per statement (one transaction): each append re-locks and bumps the city's head row, so
  // thousands of appends in one transaction grow that row's version chain and slow down quadratically.
  const group = 100;
  for (let from = 0; from < eventsPerOrganisation; from += chunk) {
    // Fresh statistics for the append function's version lookup: a generic plan made while `events` looked
    // empty scans the city's events by (tenant_id, recorded_at) on every append (autovacuum may be off).
    await admin.query('ANALYZE events');
    for (let start = 0; start < histories.length; start += group) {
      const slice = histories.slice(start, start + group);
      await admin.query(
        `SELECT count(a.*) FROM (SELECT set_config('app.tenant_id', $1, true)::uuid AS tenant) AS city,
                unnest($2::text[], $3::jsonb[]) AS u(stream, events),
                LATERAL append_events(city.tenant, u.stream, $4, u.events, null) AS a`,
        [
          cityId,
          slice.map(({ id }) => organisationStream(id)),
          slice.map(({ events }) =>
            JSON.stringify(
              events.slice(from, from + chunk).map((event) => ({
                eventId: randomUUID(),
                type: event.type,
                schemaVersion: 1,
                data: event.data,
                metadata: { actorId: 'reliability-seed' },
              })),
            ),
          ),
          from,
        ],
      );
    }
  }
  return histories
    .map(({ id, events }) => expectedRow(id, events))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface OrganisationRow extends ExpectedOrganisation {
  created_at: string;
  updated_at: string;
}

// The city's organisations read model, as the superuser sees it (no city setting needed).
export async function readModel(admin: Client, cityId: CityId): Promise<OrganisationRow[]> {
  const { rows } = await admin.query<OrganisationRow>(
    `SELECT id::text, name, kind::text, version, created_at::text, updated_at::text
       FROM organisations WHERE tenant_id = $1 ORDER BY id::text COLLATE "C"`,
    [cityId],
  );
  return rows;
}

export async function checkpoint(admin: Client, cityId: CityId, projection: string): Promise<number> {
  const { rows } = await admin.query<{ position: string }>(
    `SELECT position FROM projection_checkpoints WHERE tenant_id = $1 AND projection = $2`,
    [cityId, projection],
  );
  return Number(rows[0]?.position ?? 0);
}

export async function head(admin: Client, cityId: CityId): Promise<number> {
  const { rows } = await admin.query<{ last_position: string }>(
    `SELECT last_position FROM tenant_heads WHERE tenant_id = $1`,
    [cityId],
  );
  return Number(rows[0]?.last_position ?? 0);
}

// The organisations read model computed straight from the log up to `upTo`, in SQL, independently of
// the projection: the latest name and kind, the last version, and the instants of the first and last
// event of each organisation (to the millisecond: the projection carries them through JavaScript Dates).
export async function foldedReadModel(
  admin: Client,
  cityId: CityId,
  upTo: number,
): Promise<OrganisationRow[]> {
  const { rows } = await admin.query<OrganisationRow>(
    `SELECT data->>'organisationId' AS id,
            (array_agg(data->>'name' ORDER BY stream_version DESC) FILTER (WHERE data ? 'name'))[1] AS name,
            (array_agg(data->>'kind' ORDER BY stream_version DESC) FILTER (WHERE data ? 'kind'))[1] AS kind,
            max(stream_version) AS version,
            date_trunc('milliseconds', (array_agg(recorded_at ORDER BY stream_version))[1])::text AS created_at,
            date_trunc('milliseconds', (array_agg(recorded_at ORDER BY stream_version DESC))[1])::text AS updated_at
       FROM events
      WHERE tenant_id = $1 AND position <= $2 AND type = ANY($3)
      GROUP BY 1 ORDER BY (data->>'organisationId') COLLATE "C"`,
    [cityId, upTo, ['OrganisationRegistered', 'OrganisationRenamed', 'OrganisationReclassified']],
  );
  return rows;
}

export const withoutInstants = ({ id, name, kind, version }: OrganisationRow): ExpectedOrganisation => ({
  id,
  name,
  kind,
  version,
});
