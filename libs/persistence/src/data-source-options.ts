import { AppConfig } from '@rl/config';
import { DataSourceOptions } from 'typeorm';
import { databaseUrl, DatabaseLogin } from './database-urls';
import { MIGRATIONS } from './migrations';

export function dataSourceOptions(
  config: AppConfig,
  login: Exclude<DatabaseLogin, 'admin'>,
  entities: DataSourceOptions['entities'] = [],
): DataSourceOptions {
  const { statementTimeoutMs, idleInTransactionTimeoutMs, poolSize, poolAcquireTimeoutMs } = config.database;
  return {
    type: 'postgres',
    url: databaseUrl(config, login),
    entities,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // Failed queries surface as errors where they happen (and as 500s with an error id); no duplicate log.
    logging: false,
    extra: {
      max: poolSize,
      // A request waits this long for a connection, then fails (503 DATABASE.BUSY) instead of queueing forever.
      connectionTimeoutMillis: poolAcquireTimeoutMs,
      // An abandoned transaction must not hold a city's rows or head for long.
      options: `-c statement_timeout=${statementTimeoutMs} -c idle_in_transaction_session_timeout=${idleInTransactionTimeoutMs}`,
      application_name: `rights-ledger-${login}`,
    },
  };
}
