import { AppConfig, ConfigError, loadConfig } from '@rl/config';
import { unreachableDependencies } from './dependencies';

// A mistake in how a command was called: reported as its message alone.
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

// Runs a process entry point (API, worker, scripts): loads configuration, checks that PostgreSQL and
// Redis answer, and turns expected failures into a short message and exit code 1 instead of a stack trace.
export function runScript(main: (config: AppConfig) => Promise<void>): void {
  const run = async () => {
    const config = loadConfig(process.env);
    const problems = await unreachableDependencies(config);
    if (problems.length > 0) {
      process.stderr.write(`\n${problems.join('\n\n')}\n\n`);
      process.exit(1);
    }
    await main(config);
  };
  run().catch((error: unknown) => {
    const expected = error instanceof ConfigError || error instanceof UsageError;
    process.stderr.write(`\n${expected ? error.message : ((error as Error).stack ?? String(error))}\n`);
    process.exit(1);
  });
}
