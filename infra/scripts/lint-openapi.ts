import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { ApiModule } from '@rl/api';
import { loadConfig } from '@rl/config';
import { openApiDocument } from '@rl/web';

// npm run lint:openapi — Redocly's recommended rules (redocly.yaml) on the document served at /docs-json.
// Exit code 0 when it has no errors (warnings are printed), 1 otherwise.
async function main(): Promise<number> {
  // Preview mode wires the modules without instantiating providers: no database or Redis is reached,
  // and the configuration's development defaults are enough.
  const app = await NestFactory.create(ApiModule.forRoot(loadConfig({})), { preview: true, logger: false });
  const document = openApiDocument(app);
  await app.close();
  const dir = mkdtempSync(join(tmpdir(), 'rl-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document, null, 2));
    const redocly = require.resolve('@redocly/cli/bin/cli.js');
    const config = resolve('redocly.yaml');
    const lint = spawnSync(process.execPath, [redocly, 'lint', file, '--config', config], {
      stdio: 'inherit',
    });
    return lint.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`\n${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
