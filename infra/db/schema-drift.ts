import { DataSource } from 'typeorm';
import { AppConfig } from '@rl/config';
import { dataSourceOptions } from '@rl/persistence';
import { ALL_ENTITIES } from './schema';

// The SQL TypeORM would generate to bring the migrated database in line with the entities; empty when
// migrations and entities agree (the same computation as `migration:generate`).
export async function pendingSchemaChanges(config: AppConfig): Promise<{ up: string[]; down: string[] }> {
  const dataSource = new DataSource(dataSourceOptions(config, 'owner', ALL_ENTITIES));
  await dataSource.initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query).reverse() };
  } finally {
    await dataSource.destroy();
  }
}
