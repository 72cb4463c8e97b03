import { CommandBus } from '@nestjs/cqrs';
import { cpus } from 'node:os';
import { createApi } from '@rl/api';
import { ImportGlossaryCommand, ProposeTermCommand } from '@rl/glossary';
import { databaseName } from '@rl/persistence';
import { CommandMetadata } from '@rl/web';
import { bootstrapDatabase, dropDatabase } from '../db/bootstrap';
import { benchCity, benchOperator } from './bench-city';
import { benchConfig, deleteQueueKeys, log, now, percentile, round, runBench, table } from './bench-kit';

// npm run bench:glossary: importing a SKOS Turtle file of BENCH_TERMS (500) concepts as proposals, one
// glossary command per concept (each decided against the city's other terms under the glossary lock),
// then the latency of one more proposal in the full glossary. Labels in two languages, an alternative
// label each, a tree of broader links five wide. The API runs in this process on a scratch database
// (BENCH_DATABASE, default rl_bench_glossary) that it creates and drops.
const TERMS = Number(process.env.BENCH_TERMS ?? 500);
const PROPOSALS = Number(process.env.BENCH_PROPOSALS ?? 50);
const PASSWORD = 'bench-glossary-password';

function starterVocabulary(count: number): string {
  const concept = (i: number) =>
    [
      `<http://bench.example/c${i}> a skos:Concept ; skos:inScheme <http://bench.example/scheme> ;`,
      `  skos:prefLabel "Term ${i}"@en, "Begrip ${i}"@nl ; skos:altLabel "Synonym ${i}"@en ;`,
      `  skos:definition "What term ${i} means, as agreed (illustrative)."@en, "Wat begrip ${i} betekent."@nl`,
      ...(i > 0 ? [`  ; skos:broader <http://bench.example/c${Math.floor((i - 1) / 5)}>`] : []),
      '  .',
    ].join('\n');
  return [
    '@prefix skos: <http://www.w3.org/2004/02/skos/core#> .',
    '<http://bench.example/scheme> a skos:ConceptScheme .',
    ...Array.from({ length: count }, (_, i) => concept(i)),
  ].join('\n');
}

async function main(): Promise<void> {
  process.env.BENCH_DATABASE ??= 'rl_bench_glossary';
  const config = benchConfig(10);
  log(`Glossary benchmark on ${databaseName(config)} (${cpus().length} CPUs, Node ${process.version})`);
  await bootstrapDatabase(config);
  const api = await createApi(config);
  try {
    const commands = api.get(CommandBus);
    const as = await benchOperator(commands, {
      email: 'op@glossary.bench',
      name: 'Operator',
      password: PASSWORD,
    });
    const cityId = await benchCity(
      commands,
      as,
      { slug: 'glossary-city', name: 'Glossary City' },
      { email: 'coordinator@glossary.bench', name: 'Coordinator', password: PASSWORD, role: 'coordinator' },
    );
    const metadata: CommandMetadata = { actorId: as.actorId, actorRole: 'coordinator' };

    const started = now();
    const imported = await commands.execute(
      new ImportGlossaryCommand(cityId, starterVocabulary(TERMS), metadata),
    );
    const importSeconds = (now() - started) / 1_000;
    if (imported.proposed !== TERMS) throw new Error(`Proposed ${imported.proposed} of ${TERMS} concepts`);

    // One proposal more, in the full glossary (its labels are checked against every other term's).
    const latencies: number[] = [];
    for (let i = 0; i < PROPOSALS; i++) {
      const start = now();
      await commands.execute(
        new ProposeTermCommand(
          cityId,
          { prefLabel: { en: `Extra ${i}` }, definition: { en: 'Illustrative.' }, broader: [] },
          metadata,
        ),
      );
      latencies.push(now() - start);
    }
    latencies.sort((a, b) => a - b);
    log(
      table(
        ['measure', 'value'],
        [
          [`import of ${TERMS} concepts (s)`, round(importSeconds, 2)],
          ['concepts per second', round(TERMS / importSeconds)],
          [`one more proposal, p50 (ms, of ${PROPOSALS})`, round(percentile(latencies, 50))],
          ['one more proposal, p95 (ms)', round(percentile(latencies, 95))],
        ],
      ),
    );
  } finally {
    await api.close();
    await deleteQueueKeys(config);
    await dropDatabase(config, databaseName(config));
  }
}

runBench(main);
