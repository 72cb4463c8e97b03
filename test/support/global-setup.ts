import './register-paths';
import { Client } from 'pg';
import { databaseUrl } from '@rl/persistence';
import { bootstrapDatabase, dropDatabase } from '../../infra/db/bootstrap';
import { TEMPLATE_DATABASE, testConfig, workerDatabase } from './test-config';

interface JestGlobalConfig {
  maxWorkers: number;
}

// Drops what earlier runs left, migrates a template database once and clones it for each worker
// (cloning takes well under a second; migrating per worker would not scale as migrations grow).
export default async function globalSetup(globalConfig: JestGlobalConfig): Promise<void> {
  const template = testConfig({}, TEMPLATE_DATABASE);
  const admin = new Client({ connectionString: databaseUrl(template, 'admin', 'postgres') });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'rl\\_test\\_%'`);
  await admin.end();
  for (const { datname } of rows) await dropDatabase(template, datname);

  await bootstrapDatabase(template);
  for (let worker = 1; worker <= Math.max(1, globalConfig.maxWorkers); worker++) {
    await bootstrapDatabase(testConfig({}, workerDatabase(worker)), TEMPLATE_DATABASE);
  }
}
