import { CommandBus } from '@nestjs/cqrs';
import autocannon from 'autocannon';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { createApi } from '@rl/api';
import { DefineIndicatorCommand } from '@rl/indicators';
import { CityId } from '@rl/kernel';
import { databaseName, databaseUrl } from '@rl/persistence';
import { DefinePeriodCommand, SERIES_PROJECTION, SUBMISSIONS_PROJECTION } from '@rl/reporting';
import { RegisterOrganisationCommand } from '@rl/stakeholders';
import { createWorker } from '@rl/worker';
import { bootstrapDatabase, dropDatabase } from '../db/bootstrap';
import { benchCity, benchOperator, listenLocally, logIn } from './bench-city';
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

// npm run bench:submissions: data submissions over HTTP at full speed (autocannon) with the projections'
// lag meanwhile, then the time to import a 50,000-row CSV. API and worker run in this process, as `npm start` runs them, on a scratch database.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const INDICATORS = 40;
const PERIODS = 250; // one open submission per (indicator, period, organisation): 10,000 free slots
const PASSWORD = 'bench-official-password';

interface Setup {
  cityId: CityId;
  slug: string;
  organisationId: string;
  indicatorIds: string[];
  periodIds: string[];
  importIndicatorId: string;
}

async function setUp(commands: CommandBus): Promise<Setup> {
  const as = await benchOperator(commands, {
    email: 'bench-operator@bench.local',
    name: 'Bench operator',
    password: PASSWORD,
  });
  const cityId = await benchCity(
    commands,
    as,
    { slug: 'bench', name: 'Bench' },
    { email: 'official@bench.local', name: 'Bench official', password: PASSWORD, role: 'official' },
  );
  const organisation = await commands.execute(
    new RegisterOrganisationCommand(cityId, { name: 'Bench CSO', kind: 'cso' }, as),
  );
  const indicatorIds: string[] = [];
  for (let i = 0; i < INDICATORS; i++) {
    const indicator = await commands.execute(
      new DefineIndicatorCommand(
        cityId,
        {
          code: `B-${i}`,
          name: { en: `Bench indicator ${i}` },
          right: 'adequate housing',
          type: 'outcome',
          unit: 'percent',
          direction: 'lower_is_better',
          disaggregations: [{ dimension: 'district', values: [] }],
          frameworkRefs: [],
          status: 'active',
        },
        as,
      ),
    );
    indicatorIds.push(indicator.id);
  }
  const periodIds: string[] = [];
  for (let p = 0; p < PERIODS; p++) {
    const year = 1900 + p;
    const period = await commands.execute(
      new DefinePeriodCommand(
        cityId,
        'Europe/Brussels',
        { code: String(year), deadline: `${year + 1}-03-31` },
        as,
      ),
    );
    periodIds.push(period.id);
  }
  const importIndicator = await commands.execute(
    new DefineIndicatorCommand(
      cityId,
      {
        code: 'B-IMPORT',
        name: { en: 'Bench import indicator' },
        right: 'adequate housing',
        type: 'outcome',
        unit: 'percent',
        direction: 'lower_is_better',
        disaggregations: [
          { dimension: 'district', values: [] },
          { dimension: 'sex', values: ['F', 'M'] },
        ],
        frameworkRefs: [],
        status: 'active',
      },
      as,
    ),
  );
  return {
    cityId,
    slug: 'bench',
    organisationId: organisation.id,
    indicatorIds,
    periodIds,
    importIndicatorId: importIndicator.id,
  };
}

// An Open SDG CSV of 25 years × 1,000 districts × 2 sexes = 50,000 rows.
function importCsv(): string {
  const lines = ['Year,District,Sex,Value'];
  for (let year = 2000; year < 2025; year++) {
    for (let district = 1; district <= 1_000; district++) {
      for (const sex of ['F', 'M'])
        lines.push(`${year},D${district},${sex},${(district % 50) + (sex === 'F' ? 1 : 2)}`);
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

async function timeImport(
  base: string,
  setup: Setup,
  accessToken: string,
): Promise<{ rows: number; seconds: number; accepted: number }> {
  const csv = importCsv();
  const form = new FormData();
  form.set('file', new Blob([csv], { type: 'text/csv' }), 'bench-50000.csv');
  form.set('indicatorId', setup.importIndicatorId);
  form.set('organisationId', setup.organisationId);
  form.set('mapping', JSON.stringify({ columns: { District: 'district', Sex: 'sex' } }));
  const started = now();
  const response = await fetch(`${base}/v1/cities/${setup.slug}/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}` },
    body: form,
  });
  type Answer = { id?: string; status?: string; accepted?: number; report?: { accepted?: number } };
  let body = (await response.json()) as Answer;
  if (!response.ok)
    throw new Error(`Import failed (${response.status}): ${JSON.stringify(body).slice(0, 500)}`);
  // A file this size runs in the worker (202 {id}): the import lasts until GET …/imports/:id is done.
  const id = body.id;
  while (response.status === 202 && body.status !== 'done') {
    if (body.status === 'rejected') throw new Error(`Import rejected: ${JSON.stringify(body).slice(0, 500)}`);
    await sleep(100);
    const poll = await fetch(`${base}/v1/cities/${setup.slug}/imports/${id}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    body = (await poll.json()) as Answer;
  }
  const seconds = (now() - started) / 1_000;
  const accepted = body.report?.accepted ?? body.accepted ?? 0;
  return { rows: 50_000, seconds: round(seconds, 2), accepted };
}

async function main(): Promise<void> {
  const config = benchConfig(CONNECTIONS + 16);
  log(
    `Submission benchmark on scratch database ${databaseName(config)} (${cpus().length} CPUs, Node ${process.version})`,
  );
  await bootstrapDatabase(config);
  const worker = await createWorker(config);
  await worker.init();
  const api = await createApi(config);
  const base = await listenLocally(api);
  const admin = await connect(databaseUrl(config, 'admin'));
  try {
    const setup = await setUp(api.get(CommandBus));
    const accessToken = await logIn(base, 'official@bench.local', PASSWORD);

    const lagOf = async () => {
      const { rows } = await admin.query<{ head: string; submissions: string; series: string }>(
        `SELECT h.last_position AS head,
                (SELECT position FROM projection_checkpoints WHERE tenant_id = $1 AND projection = $2) AS submissions,
                (SELECT position FROM projection_checkpoints WHERE tenant_id = $1 AND projection = $3) AS series
           FROM tenant_heads h WHERE h.tenant_id = $1`,
        [setup.cityId, SUBMISSIONS_PROJECTION, SERIES_PROJECTION],
      );
      const row = rows[0];
      return {
        head: Number(row.head),
        behind: Number(row.head) - Math.min(Number(row.submissions ?? 0), Number(row.series ?? 0)),
      };
    };
    const behindSamples: number[] = [];
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        behindSamples.push((await lagOf()).behind);
        await sleep(100);
      }
    })();

    let slot = 0;
    const result = await autocannon({
      url: `${base}/v1/cities/${setup.slug}/submissions`,
      method: 'POST',
      connections: CONNECTIONS,
      duration: SECONDS,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      requests: [
        {
          setupRequest: (request) => {
            const n = slot++;
            const indicatorId = setup.indicatorIds[n % INDICATORS];
            const periodId = setup.periodIds[Math.floor(n / INDICATORS) % PERIODS];
            const observations = Array.from({ length: 5 }, (_, d) => ({
              disaggregation: d === 0 ? {} : { district: `D${d}` },
              value: round(10 + ((n * 7 + d * 3) % 40), 1),
            }));
            return {
              ...request,
              body: JSON.stringify({
                indicatorId,
                periodId,
                organisationId: setup.organisationId,
                observations,
              }),
            };
          },
        },
      ],
    });
    const loadEnded = now();
    sampling = false;
    await sampler;
    // Time for both read models to reach the head once the load stops.
    for (;;) {
      if ((await lagOf()).behind === 0) break;
      await sleep(20);
    }
    const catchUpMs = now() - loadEnded;
    const sorted = [...behindSamples].sort((a, b) => a - b);
    const report = {
      connections: CONNECTIONS,
      seconds: SECONDS,
      observationsPerSubmission: 5,
      requests: result.requests.total,
      submissionsPerSecond: round(result.requests.average),
      non2xx: result.non2xx,
      errors: result.errors,
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      projectionBehindEvents: {
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        max: sorted[sorted.length - 1],
      },
      catchUpAfterLoadMs: round(catchUpMs),
    };
    log('');
    log(
      table(
        [
          'connections',
          'submissions/s',
          'non-2xx',
          'latency p50 ms',
          'p99 ms',
          'read models behind (events) p50',
          'p99',
          'catch-up after load ms',
        ],
        [
          [
            CONNECTIONS,
            report.submissionsPerSecond,
            report.non2xx,
            report.latencyMs.p50,
            report.latencyMs.p99,
            report.projectionBehindEvents.p50,
            report.projectionBehindEvents.p99,
            report.catchUpAfterLoadMs,
          ],
        ],
      ),
    );
    log('\nImport of a 50,000-row Open SDG CSV (25 periods × 2,000 rows), one request');
    const imported = await timeImport(base, setup, accessToken);
    log(
      table(
        ['rows', 'accepted', 'seconds', 'rows/s'],
        [[imported.rows, imported.accepted, imported.seconds, Math.round(imported.rows / imported.seconds)]],
      ),
    );
    const dir = resolve(__dirname, '../../../bench-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'submissions.json'),
      JSON.stringify({ ranAt: new Date().toISOString(), ...report, import: imported }, null, 2),
    );
    log(`\nWritten to ${join(dir, 'submissions.json')}`);
  } finally {
    await admin.end();
    await Promise.all([api.close(), worker.close()]);
    await deleteQueueKeys(config);
    await dropDatabase(config, databaseName(config));
  }
}

runBench(main);
