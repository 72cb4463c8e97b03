import './register-paths';
import { bootstrapDatabase } from '../../infra/db/bootstrap';
import { TEMPLATE_DATABASE, testConfig, workerDatabase } from './test-config';
import { dropTestDatabases } from './test-databases';

interface JestGlobalConfig {
  maxWorkers: number;
}

// Migrates a template database once and clones it for each worker (cloning takes well under a second;
// migrating per worker would not scale as migrations grow).
export default async function globalSetup(globalConfig: JestGlobalConfig): Promise<void> {
  await dropTestDatabases();
  await bootstrapDatabase(testConfig({}, TEMPLATE_DATABASE));
  for (let worker = 1; worker <= Math.max(1, globalConfig.maxWorkers); worker++) {
    await bootstrapDatabase(testConfig({}, workerDatabase(worker)), TEMPLATE_DATABASE);
  }
}
