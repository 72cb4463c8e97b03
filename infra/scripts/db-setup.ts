import { bootstrapDatabase } from '../db/bootstrap';
import { runScript } from '@rl/runtime';

// npm run db:setup: roles, database, privileges and migrations; safe to run on every deploy.
runScript(async (config) => {
  const result = await bootstrapDatabase(config);
  process.stdout.write(
    `Database ${result.database} ${result.created ? 'created' : 'present'}; ` +
      `${result.migrations.length} migration(s) applied${result.migrations.length ? `: ${result.migrations.join(', ')}` : ''}.\n`,
  );
});
