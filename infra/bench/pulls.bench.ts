import { CommandBus } from '@nestjs/cqrs';
import { cpus } from 'node:os';
import { createApi } from '@rl/api';
import { ConnectCommand } from '@rl/collection';
import { DefineIndicatorCommand } from '@rl/indicators';
import { CityId } from '@rl/kernel';
import { databaseName } from '@rl/persistence';
import { CreateAssignmentCommand, DefinePeriodCommand } from '@rl/reporting';
import { RegisterOrganisationCommand } from '@rl/stakeholders';
import { CommandMetadata } from '@rl/web';
import { createWorker } from '@rl/worker';
import { bootstrapDatabase, dropDatabase } from '../db/bootstrap';
import { FakeOdkCentral } from '../fakes/fake-odk-central';
import { benchCity, benchOperator, listenLocally, logIn } from './bench-city';
import { benchConfig, deleteQueueKeys, log, now, round, runBench, sleep, table } from './bench-kit';

// npm run bench:pulls: one ODK Central pull of 10,000 submissions (the fake server of the e2e suite,
// OData pages of 500) through the guarded client into 10,000 submissions: time, submissions/s and
// memory. API, worker and fake server share this process, as `npm start` runs API and worker, on a
// scratch database. Each answer names its organisation (assignment_id) and period (period_id): one
// indicator, 100 organisations × 100 periods, so every submission has a slot of its own.
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 10_000);
const SIDE = 100;
const FORM = '1/bench_counts';
const PASSWORD = 'bench-coordinator-password';

async function seed(
  commands: CommandBus,
  odk: FakeOdkCentral,
): Promise<{ cityId: CityId; connectionId: string }> {
  const operator = await benchOperator(commands, {
    email: 'op@pulls.bench',
    name: 'Operator',
    password: PASSWORD,
  });
  const coordinator = { email: 'coordinator@pulls.bench', name: 'Coordinator', password: PASSWORD };
  const cityId = await benchCity(
    commands,
    operator,
    { slug: 'pulls', name: 'Pulls' },
    { ...coordinator, role: 'coordinator' },
  );
  const indicator = await commands.execute(
    new DefineIndicatorCommand(
      cityId,
      {
        code: 'P-1',
        name: { en: 'People sheltered (illustrative)' },
        right: 'adequate housing',
        type: 'outcome',
        unit: 'count',
        direction: 'neutral',
        disaggregations: [{ dimension: 'sex', values: ['F', 'M'] }],
        frameworkRefs: [],
        status: 'active',
      },
      operator,
    ),
  );
  const periods: string[] = [];
  const assignments: string[] = [];
  for (let i = 0; i < SIDE; i++) {
    const year = 1900 + i;
    const period = await commands.execute(
      new DefinePeriodCommand(
        cityId,
        'Europe/Brussels',
        { code: String(year), deadline: `${year + 1}-03-31` },
        operator,
      ),
    );
    periods.push(period.id);
    const organisation = await commands.execute(
      new RegisterOrganisationCommand(cityId, { name: `Shelter ${i}`, kind: 'cso' }, operator),
    );
    const ids = { indicatorId: indicator.id, organisationId: organisation.id, periodId: periods[0] };
    assignments.push((await commands.execute(new CreateAssignmentCommand(cityId, ids, operator))).id);
  }
  for (let n = 0; n < SUBMISSIONS; n++) {
    const [female, male] = [n % 40, (n * 7) % 40];
    odk.submit(FORM, {
      assignment_id: assignments[n % SIDE],
      period_id: periods[Math.floor(n / SIDE) % SIDE],
      definition_version: 1,
      cells: { total: female + male, sex_F: female, sex_M: male },
    });
  }
  const connection = await commands.execute(
    new ConnectCommand(
      cityId,
      {
        kind: 'odk-central',
        serverUrl: odk.url,
        formId: FORM,
        credentials: odk.account,
        indicatorId: indicator.id,
        scheduled: false,
      },
      operator satisfies CommandMetadata,
    ),
  );
  return { cityId, connectionId: connection.id };
}

interface Run {
  id: string;
  status: string;
  created: number;
  rejected: number;
  rejections: { reason: string }[];
}

async function main(): Promise<void> {
  // The fake server listens on 127.0.0.1, which the guarded client refuses unless private targets are allowed.
  process.env.WEBHOOK_ALLOW_PRIVATE = 'true';
  const config = benchConfig(24);
  log(
    `Pull benchmark on scratch database ${databaseName(config)} (${cpus().length} CPUs, Node ${process.version})`,
  );
  await bootstrapDatabase(config);
  const odk = await FakeOdkCentral.start();
  const worker = await createWorker(config);
  await worker.init();
  const api = await createApi(config);
  const base = await listenLocally(api);
  try {
    const { connectionId } = await seed(api.get(CommandBus), odk);
    const token = await logIn(base, 'coordinator@pulls.bench', PASSWORD);
    const headers = { authorization: `Bearer ${token}` };
    const runs = `${base}/v1/cities/pulls/collection-connections/${connectionId}`;
    // The connection's read model first (a pull right after connecting waits for it).
    while ((await fetch(runs, { headers })).status !== 200) await sleep(50);
    let peakRss = process.memoryUsage().rss;
    let peakHeap = process.memoryUsage().heapUsed;
    const started = now();
    const queued = (await (await fetch(`${runs}/pull`, { method: 'POST', headers })).json()) as {
      runId: string;
    };
    let run: Run | undefined;
    while (!run || !['done', 'failed'].includes(run.status)) {
      await sleep(200);
      ({ rss: peakRss, heapUsed: peakHeap } = {
        rss: Math.max(peakRss, process.memoryUsage().rss),
        heapUsed: Math.max(peakHeap, process.memoryUsage().heapUsed),
      });
      const list = (await (await fetch(`${runs}/runs`, { headers })).json()) as Run[];
      run = list.find((r) => r.id === queued.runId);
    }
    const seconds = (now() - started) / 1_000;
    const mib = (bytes: number) => round(bytes / 1024 / 1024);
    log(
      table(
        [
          'submissions',
          'status',
          'created',
          'rejected',
          'seconds',
          'submissions/s',
          'peak RSS MiB',
          'peak heap MiB',
        ],
        [
          [
            SUBMISSIONS,
            run.status,
            run.created,
            run.rejected,
            round(seconds, 1),
            round(run.created / seconds),
            mib(peakRss),
            mib(peakHeap),
          ],
        ],
      ),
    );
    if (run.rejected > 0) log(`first rejection: ${run.rejections[0]?.reason}`);
    log(`(${odk.requests.length} requests to the fake ODK Central: one session, OData pages of 500)`);
  } finally {
    await Promise.all([api.close(), worker.close(), odk.close()]);
    await deleteQueueKeys(config);
    await dropDatabase(config, databaseName(config));
  }
}

runBench(main);
