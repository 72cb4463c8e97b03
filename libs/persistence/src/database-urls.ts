import { AppConfig } from '@rl/config';

export type DatabaseLogin = 'admin' | 'owner' | 'app';

// DATABASE_URL names the server, the database and an administrative login; the owner (migrations) and
// application (row-level security applies) logins reach the same database under their own roles.
export function databaseUrl(config: AppConfig, login: DatabaseLogin, database?: string): string {
  const url = new URL(config.database.url);
  if (login === 'owner') {
    url.username = config.database.ownerRole;
    url.password = config.database.ownerPassword;
  } else if (login === 'app') {
    url.username = config.database.appRole;
    url.password = config.database.appPassword;
  }
  if (database !== undefined) url.pathname = `/${database}`;
  return url.toString();
}

export function databaseName(config: AppConfig): string {
  return decodeURIComponent(new URL(config.database.url).pathname.replace(/^\//, '')) || 'rights_ledger';
}
