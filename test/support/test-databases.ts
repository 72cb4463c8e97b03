import { Client } from 'pg';
import { databaseUrl } from '@rl/persistence';
import { dropDatabase } from '../../infra/db/bootstrap';
import { TEMPLATE_DATABASE, TEST_DATABASE_PREFIX, testConfig } from './test-config';

// Drops every test database of this checkout (template and worker clones).
export async function dropTestDatabases(): Promise<void> {
  const config = testConfig({}, TEMPLATE_DATABASE);
  const admin = new Client({ connectionString: databaseUrl(config, 'admin', 'postgres') });
  await admin.connect();
  const { rows } = await admin
    .query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [
      TEST_DATABASE_PREFIX,
    ])
    .finally(() => admin.end());
  for (const { datname } of rows) await dropDatabase(config, datname);
}
