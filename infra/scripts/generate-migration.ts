import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScript, UsageError } from '@rl/runtime';
import { bootstrapDatabase } from '../db/bootstrap';
import { pendingSchemaChanges } from '../db/schema-drift';

// npm run migration:generate -- <Name>: writes a migration with the SQL that brings the database
// in line with the entities. Row-level security and grants are added by hand afterwards.
runScript(async (config) => {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))
    throw new UsageError('Usage: npm run migration:generate -- PascalCaseName');
  await bootstrapDatabase(config);
  const { up, down } = await pendingSchemaChanges(config);
  if (up.length === 0) {
    process.stdout.write('Entities and migrations agree; nothing to generate.\n');
    return;
  }
  const timestamp = Date.now();
  const body = (queries: string[]) =>
    queries.map((q) => `    await queryRunner.query(\`${q.replace(/`/g, '\\`')}\`);`).join('\n');
  const file = join(
    process.cwd(),
    'libs/persistence/src/migrations',
    `${timestamp}-${name.replace(/[A-Z]/g, (c, i: number) => (i ? '-' : '') + c.toLowerCase())}.ts`,
  );
  writeFileSync(
    file,
    `import { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${timestamp} implements MigrationInterface {\n` +
      `  async up(queryRunner: QueryRunner): Promise<void> {\n${body(up)}\n  }\n\n` +
      `  async down(queryRunner: QueryRunner): Promise<void> {\n${body(down)}\n  }\n}\n`,
  );
  process.stdout.write(`Wrote ${file}; add it to libs/persistence/src/migrations/index.ts\n`);
});
