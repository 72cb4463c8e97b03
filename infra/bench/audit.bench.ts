import { CommandBus } from '@nestjs/cqrs';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createApi } from '@rl/api';
import { ChainVerifier, checkpointSignatureValid, signCheckpoint, verifyExport } from '@rl/audit';
import { EventStore } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { databaseName } from '@rl/persistence';
import { bootstrapDatabase, dropDatabase } from '../db/bootstrap';
import { benchCity, benchOperator, listenLocally, logIn } from './bench-city';
import { benchConfig, deleteQueueKeys, log, now, percentile, round, runBench, table } from './bench-kit';
import { seedChain } from './chain-seed';

// npm run bench:audit: the cost of evidence. Verifies a city's log of BENCH_AUDIT_EVENTS (1,000,000)
// events with the database verifier (GET …/audit/verify's code, with its half-duty rests) and offline
// from an export file (npm run audit:verify's code), and measures checkpoint signing: one Ed25519
// signature, and a POST …/audit/checkpoints end to end. The API runs in this process on a scratch
// database it creates and drops; writes bench-results/audit.json.
const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);
const SIGNATURES = 10_000;
const POSTS = Number(process.env.BENCH_AUDIT_POSTS ?? 200);
const PASSWORD = 'bench-auditor-password';

async function setUp(commands: CommandBus): Promise<CityId> {
  const as = await benchOperator(commands, { email: 'op@audit.bench', name: 'Operator', password: PASSWORD });
  return benchCity(
    commands,
    as,
    { slug: 'city-a', name: 'City A' },
    { email: 'auditor@city-a.bench', name: 'Auditor', password: PASSWORD, role: 'auditor' },
  );
}

// Milliseconds per call of `work`, over `count` calls.
function perCall(count: number, work: () => void): number {
  const started = now();
  for (let i = 0; i < count; i++) work();
  return (now() - started) / count;
}

async function main(): Promise<void> {
  process.env.BENCH_DATABASE ??= 'rl_bench_audit';
  const config = benchConfig(10);
  log(
    `Audit benchmark on scratch database ${databaseName(config)} (${cpus().length} CPUs, Node ${process.version})`,
  );
  await bootstrapDatabase(config);
  const api = await createApi(config);
  const base = await listenLocally(api);
  const directory = resolve(process.cwd(), 'bench-results');
  mkdirSync(directory, { recursive: true });
  try {
    const cityId = await setUp(api.get(CommandBus));
    const seedStart = now();
    const head = await seedChain(api.get(EventStore), cityId, EVENTS, { prefix: 'audit-probe' });
    log(`Seeded ${head} events in ${round((now() - seedStart) / 1_000)} s`);

    const auth = { authorization: `Bearer ${await logIn(base, 'auditor@city-a.bench', PASSWORD)}` };

    // Signing: the signature alone, then POST end to end (transaction, key check, insert, witness record).
    const privateKey = createPrivateKey(config.audit.signingKey.privateKeyPem);
    const publicKey = createPublicKey(config.audit.signingKey.publicKeyPem);
    const unsigned = {
      cityId,
      position: head,
      headHash: 'a'.repeat(64),
      signedAt: new Date().toISOString(),
      keyId: config.audit.signingKey.keyId,
    };
    const signMs = perCall(SIGNATURES, () => signCheckpoint(unsigned, privateKey));
    const signed = signCheckpoint(unsigned, privateKey);
    const verifyMs = perCall(SIGNATURES, () => checkpointSignatureValid(signed, publicKey));
    const posts: number[] = [];
    for (let i = 0; i < POSTS; i++) {
      const started = now();
      const res = await fetch(`${base}/v1/cities/city-a/audit/checkpoints`, {
        method: 'POST',
        headers: auth,
      });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`POST checkpoints answered ${res.status}`);
      posts.push(now() - started);
    }
    posts.sort((x, y) => x - y);

    // The database verifier, against the log and its POSTS checkpoints.
    const dbStart = now();
    const dbReport = await api.get(ChainVerifier).verify(cityId);
    const dbMs = now() - dbStart;
    if (!dbReport.ok || dbReport.events !== head) throw new Error(`DB verify: ${JSON.stringify(dbReport)}`);

    // The export over HTTP to a file, then the offline verifier on that file with the public key.
    const file = join(directory, 'audit-export.ndjson');
    const exportStart = now();
    const exported = await fetch(`${base}/v1/cities/city-a/audit/export`, { headers: auth });
    await pipeline(Readable.fromWeb(exported.body as WebReadableStream), createWriteStream(file));
    const exportMs = now() - exportStart;
    const offlineStart = now();
    const offline = await verifyExport(
      createInterface({ input: createReadStream(file), crlfDelay: Infinity }),
      [publicKey],
    );
    const offlineMs = now() - offlineStart;
    if (!offline.ok || offline.events !== head) throw new Error(`offline verify: ${JSON.stringify(offline)}`);

    const results = {
      events: head,
      dbVerifySeconds: round(dbMs / 1_000, 2),
      exportSeconds: round(exportMs / 1_000, 2),
      exportMegabytes: round(statSync(file).size / 1e6),
      offlineVerifySeconds: round(offlineMs / 1_000, 2),
      signatureMicroseconds: round(signMs * 1_000),
      signatureCheckMicroseconds: round(verifyMs * 1_000),
      postCheckpointMs: { p50: round(percentile(posts, 50)), p99: round(percentile(posts, 99)), n: POSTS },
    };
    log(
      table(
        ['measure', 'value'],
        [
          [`DB verify of ${head} events (GET …/audit/verify's code)`, `${results.dbVerifySeconds} s`],
          [`export over HTTP (${results.exportMegabytes} MB NDJSON)`, `${results.exportSeconds} s`],
          ['offline verify of the export (npm run audit:verify)', `${results.offlineVerifySeconds} s`],
          ['Ed25519 signature of a checkpoint', `${results.signatureMicroseconds} µs`],
          ['Ed25519 check of a checkpoint', `${results.signatureCheckMicroseconds} µs`],
          [
            `POST …/audit/checkpoints end to end (p50 / p99 of ${POSTS})`,
            `${results.postCheckpointMs.p50} / ${results.postCheckpointMs.p99} ms`,
          ],
        ],
      ),
    );
    writeFileSync(join(directory, 'audit.json'), JSON.stringify(results, null, 2));
  } finally {
    await api.close();
    await deleteQueueKeys(config);
    await dropDatabase(config, databaseName(config));
  }
}

runBench(main);
