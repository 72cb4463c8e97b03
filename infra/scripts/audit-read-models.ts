import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { AppConfig } from '@rl/config';
import { ReadModelsView, ReadModelVerifier } from '@rl/audit';
import { asCityId, DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { runScript, UsageError } from '@rl/runtime';
import { ProjectionToolsModule } from '@rl/worker';

// npm run audit:read-models -- <city slug> [--json]
// Replays a city's read models and published tables from its log into a scratch space and compares them
// with the live ones (what GET …/audit/verify?readModels=true reports). Exit code 0: equal; 2: differences.
const USAGE = 'Usage: npm run audit:read-models -- <city slug> [--json]';
const DIFFERENCES_EXIT_CODE = 2;

@Module({})
class ReadModelToolsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ReadModelToolsModule,
      imports: [ProjectionToolsModule.forRoot(config)],
      providers: [ReadModelVerifier],
    };
  }
}

function parseArguments(argv: string[]): { city: string; json: boolean } {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError(USAGE);
  return { city: positionals[0], json: values.json };
}

function formatReport(slug: string, report: ReadModelsView): string {
  const lines = [
    `${slug}: read models ${report.ok ? 'equal to' : 'DIFFER from'} the log (head ${report.headPosition}, ${report.durationMs} ms)`,
  ];
  for (const projection of report.projections) {
    const behind = projection.behind > 0 ? `, ${projection.behind} events behind the head` : '';
    lines.push(`  ${projection.projection} at ${projection.checkpoint}${behind}`);
    for (const t of projection.tables) {
      const verdict =
        t.missing + t.extra + t.changed === 0
          ? 'ok'
          : `${t.missing} missing, ${t.extra} extra, ${t.changed} changed`;
      lines.push(`    ${t.table}: ${t.liveRows} live rows, ${t.logRows} from the log: ${verdict}`);
      for (const d of t.differences) {
        const key = Object.entries(d.key)
          .map(([column, value]) => `${column}=${value}`)
          .join(' ');
        const columns = d.columns.map((c) => ` ${c.column}: live ${c.live}, log ${c.log};`).join('');
        lines.push(`      ${d.kind} ${key}${columns}`);
      }
    }
  }
  for (const s of report.skipped) lines.push(`  not compared: ${s.table} (${s.reason})`);
  return `${lines.join('\n')}\n`;
}

runScript(async (config) => {
  const args = parseArguments(process.argv.slice(2));
  const app = await NestFactory.createApplicationContext(ReadModelToolsModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  try {
    const [city] = await app
      .get(TenantDb)
      .platform((em) => em.query<{ id: string }[]>(`SELECT id FROM cities WHERE slug = $1`, [args.city]));
    if (!city) throw new UsageError(`No city with slug ${args.city}`);
    const report = await app
      .get(ReadModelVerifier)
      .verify(asCityId(city.id))
      .catch((error: unknown) => {
        // Another verification of the city is running: a message, not a stack trace.
        throw error instanceof DomainError ? new UsageError(error.message) : error;
      });
    process.stdout.write(
      args.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(args.city, report),
    );
    if (!report.ok) process.exitCode = DIFFERENCES_EXIT_CODE;
  } finally {
    await app.close();
  }
});
