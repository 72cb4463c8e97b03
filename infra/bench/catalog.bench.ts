import { CommandBus } from '@nestjs/cqrs';
import { cpus } from 'node:os';
import { createApi } from '@rl/api';
import { CatalogueDatasetCommand } from '@rl/datasets';
import { databaseName } from '@rl/persistence';
import { RegisterOrganisationCommand } from '@rl/stakeholders';
import { createWorker } from '@rl/worker';
import { bootstrapDatabase, dropDatabase } from '../db/bootstrap';
import { benchCity, benchOperator, listenLocally } from './bench-city';
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

// npm run bench:catalog: a city's DCAT-AP catalogue of 1,000 public datasets, read anonymously as a
// harvester does: the time of one page (JSON-LD and Turtle) and of the whole walk along hydra:nextPage.
// API and worker in this process, as `npm start` runs them, on a scratch database.
const DATASETS = Number(process.env.BENCH_DATASETS ?? 1_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 20);
const FORMATS = { 'JSON-LD': 'application/ld+json', Turtle: 'text/turtle' } as const;
const SLUG = 'catalog-city';
const HYDRA = 'http://www.w3.org/ns/hydra/core#';

async function seed(commands: CommandBus): Promise<void> {
  const as = await benchOperator(commands, {
    email: 'op@catalog.bench',
    name: 'Operator',
    password: 'bench-operator-password',
  });
  const city = await benchCity(
    commands,
    as,
    { slug: SLUG, name: 'Catalog City' },
    {
      email: `coordinator@${SLUG}.bench`,
      name: 'Coordinator',
      password: 'bench-coordinator-password',
      role: 'coordinator',
    },
  );
  const owner = await commands.execute(
    new RegisterOrganisationCommand(city, { name: 'Statistics office', kind: 'local_authority' }, as),
  );
  for (let i = 0; i < DATASETS; i++) {
    await commands.execute(
      new CatalogueDatasetCommand(
        city,
        {
          title: `Dataset ${i} (illustrative)`,
          description: `Benchmark entry ${i}, with a description of ordinary length for a city's open data.`,
          owner: owner.id,
          licence: 'CC-BY-4.0',
          updateFrequency: 'annual',
          accessUrl: `https://data.example.org/${i}.csv`,
          format: 'CSV',
          personalData: false,
          public: true,
          temporalCoverage: { from: '2015-01-01' },
          spatialCoverage: { scheme: 'NUTS', code: 'BE234', label: 'Gent' },
        },
        as,
      ),
    );
  }
}

async function main(): Promise<void> {
  process.env.BENCH_DATABASE ??= 'rl_bench_catalog';
  const config = benchConfig(10);
  log(
    `Catalogue benchmark on scratch database ${databaseName(config)} (${cpus().length} CPUs, Node ${process.version})`,
  );
  await bootstrapDatabase(config);
  const worker = await createWorker(config);
  await worker.init();
  const api = await createApi(config);
  const base = await listenLocally(api);
  try {
    const seedStart = now();
    await seed(api.get(CommandBus));
    log(`Catalogued ${DATASETS} public datasets in ${round((now() - seedStart) / 1_000)} s`);

    const get = async (url: string, accept: string) => {
      const started = now();
      const res = await fetch(url, { headers: { accept } });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status} ${body.slice(0, 200)}`);
      return { body, ms: now() - started };
    };
    const first = `${base}/v1/public/cities/${SLUG}/catalog`;
    // The datasets projection has caught up when the first page counts them all.
    for (;;) {
      const { body } = await get(first, FORMATS['JSON-LD']);
      const graph = (JSON.parse(body) as { '@graph': Record<string, { '@value': string }[]>[] })['@graph'];
      const paging = graph.find((node) => `hydra:totalItems` in node);
      if (Number(paging?.['hydra:totalItems'][0]['@value']) >= DATASETS) break;
      await sleep(200);
    }
    // hydra:nextPage, as each format writes it.
    const nextOf = (body: string, format: keyof typeof FORMATS) => {
      const match =
        format === 'Turtle'
          ? /hydra:nextPage "([^"]+)"/.exec(body)
          : new RegExp(`"hydra:nextPage":\\[\\{"@value":"([^"]+)"`).exec(body);
      return match?.[1].replace(/^https?:\/\/[^/]+/, base);
    };

    const rows: (string | number)[][] = [];
    for (const format of Object.keys(FORMATS) as (keyof typeof FORMATS)[]) {
      const pages: number[] = [];
      let bytes = 0;
      for (let i = 0; i < REPEATS; i++) {
        const { ms, body } = await get(first, FORMATS[format]);
        pages.push(ms);
        bytes = body.length;
      }
      pages.sort((x, y) => x - y);
      const walkStart = now();
      let walked = 0;
      for (let url: string | undefined = first; url; walked++)
        url = nextOf((await get(url, FORMATS[format])).body, format);
      rows.push([
        format,
        round(bytes / 1024),
        round(percentile(pages, 50)),
        round(percentile(pages, 99)),
        walked,
        round(now() - walkStart),
      ]);
    }
    log(table(['format', 'page KiB', 'page p50 ms', 'page p99 ms', 'pages walked', 'walk ms'], rows));
    log(`(${HYDRA} paging, 100 datasets a page, ${REPEATS} reads of page 1 per format)`);
  } finally {
    await Promise.all([api.close(), worker.close()]);
    await deleteQueueKeys(config);
    await dropDatabase(config, databaseName(config));
  }
}

runBench(main);
