import { createPublicKey, KeyObject } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { AuditReport, Checkpoint, ExportFormatError, verifyExport } from '@rl/audit';

// npm run audit:verify -- <export.ndjson> --key <public key file or PEM> [--key …] [--checkpoint <file>]
// An auditor's own replay of a city's log: needs neither the database nor the app's configuration.
// Exit code 0 when the log holds, 1 when it does not, 2 when it cannot be read.
const USAGE =
  'Usage: npm run audit:verify -- <export.ndjson> --key <public key file> | --key="<PEM>" [--key …] [--checkpoint <json file>]';

const publicKey = (value: string): KeyObject => {
  const pem = value.includes('-----BEGIN') ? value.replace(/\\n/g, '\n') : readFileSync(value, 'utf8');
  return createPublicKey(pem);
};

// A checkpoint kept from a webhook or a GET …/audit/checkpoints answer: one object, or an array of them.
const checkpointsIn = (file: string): Checkpoint[] => {
  const value = JSON.parse(readFileSync(file, 'utf8')) as Checkpoint | Checkpoint[];
  return Array.isArray(value) ? value : [value];
};

function summary(file: string, report: AuditReport & { cityId: string | null }): string {
  const lines = [
    `Export ${file} of city ${report.cityId ?? '(unknown)'}`,
    `  events ${report.events}, streams ${report.streams}, head ${report.headPosition} ${report.headHash}`,
    `  checkpoints verified with the given keys: ${report.checkpoints}`,
  ];
  for (const c of report.invalidCheckpoints) {
    lines.push(
      `  INVALID checkpoint at ${c.position} (key ${c.keyId}, ${c.signedAt}): signature does not verify`,
    );
  }
  const broken = report.firstBroken;
  if (broken) {
    const at = broken.streamId ? ` (${broken.streamId} v${broken.version})` : '';
    const checkpoint = broken.checkpoint
      ? `; checkpoint at ${broken.checkpoint.position} signed ${broken.checkpoint.signedAt} by ${broken.checkpoint.keyId} has head ${broken.checkpoint.headHash}`
      : '';
    lines.push(`  BROKEN at position ${broken.position}${at}: ${broken.reason}${checkpoint}`);
  }
  lines.push(report.ok ? 'OK: the log holds' : 'NOT OK: the log does not hold');
  return lines.join('\n') + '\n';
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: {
        key: { type: 'string', multiple: true },
        checkpoint: { type: 'string', multiple: true },
      },
      allowPositionals: true,
    });
  } catch (error) {
    // E.g. a PEM given as `--key "-----BEGIN…"`: it must be `--key="-----BEGIN…"`.
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [file] = positionals;
  if (positionals.length !== 1 || !values.key?.length) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const keys = values.key.map(publicKey);
  const own = (values.checkpoint ?? []).flatMap(checkpointsIn);
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  const report = await verifyExport(lines, keys, own);
  process.stdout.write(summary(file, report));
  if (report.checkpoints === 0)
    process.stdout.write('Warning: no checkpoint verified; only the chain itself was checked\n');
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof ExportFormatError ? error.message : String(error);
    process.stderr.write(`audit:verify: ${message}\n`);
    process.exit(2);
  },
);
