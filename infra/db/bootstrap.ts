import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '@rl/config';
import {
  databaseName,
  databaseUrl,
  dataSourceOptions,
  PUBLIC_READER_ROLE,
  PUBLISHED_READER_ROLE,
} from '@rl/persistence';
import { ALL_ENTITIES } from './schema';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// Roles are cluster-wide. The owner runs migrations and owns the tables; the application role owns
// nothing, cannot bypass row-level security and gets data privileges only. A password is set when the
// role is created, and on an existing role only when one is configured: a bootstrap without a
// configured password never resets a role (perhaps rotated by its administrator) to the built-in default.
export async function ensureRoles(admin: Client, config: AppConfig): Promise<void> {
  const { ownerRole, ownerPassword, appRole, appPassword } = config.database;
  for (const [role, password, keepExisting, extra] of [
    [ownerRole, ownerPassword, config.database.ownerPasswordIsDefault, 'NOSUPERUSER NOCREATEROLE'],
    // NOINHERIT: the reader roles granted below lend their policies only after an explicit SET ROLE.
    [
      appRole,
      appPassword,
      config.database.appPasswordIsDefault,
      'NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT',
    ],
  ] as const) {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const statement =
      rowCount === 0
        ? `CREATE ROLE ${ident(role)} LOGIN ${extra} PASSWORD ${literal(password)}`
        : `ALTER ROLE ${ident(role)} LOGIN ${extra}${keepExisting ? '' : ` PASSWORD ${literal(password)}`}`;
    try {
      await admin.query(statement);
    } catch (error) {
      // Two bootstraps racing: the other one created the role first.
      if ((error as { code?: string }).code !== '42710') throw error;
    }
  }
  for (const reader of [PUBLISHED_READER_ROLE, PUBLIC_READER_ROLE]) {
    try {
      await admin.query(`CREATE ROLE ${ident(reader)} NOLOGIN NOINHERIT NOBYPASSRLS`);
    } catch (error) {
      // Exists already (another deployment on this server, or a racing bootstrap).
      if ((error as { code?: string }).code !== '42710') throw error;
    }
    const { rowCount } = await admin.query(
      `SELECT 1 FROM pg_auth_members WHERE roleid = $1::regrole AND member = $2::regrole`,
      [reader, appRole],
    );
    if (rowCount === 0) await admin.query(`GRANT ${ident(reader)} TO ${ident(appRole)}`);
  }
}

async function ensureDatabase(
  admin: Client,
  name: string,
  owner: string,
  template?: string,
): Promise<boolean> {
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (rowCount !== 0) return false;
  await admin.query(
    `CREATE DATABASE ${ident(name)} OWNER ${ident(owner)}${template ? ` TEMPLATE ${ident(template)}` : ''}`,
  );
  return true;
}

// Tables created by the owner (that is, by every migration) are readable and writable by the app role.
async function grantAppPrivileges(adminOnDb: Client, config: AppConfig, name: string): Promise<void> {
  const owner = ident(config.database.ownerRole);
  const app = ident(config.database.appRole);
  await adminOnDb.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${ident(name)} TO ${app}`);
  await adminOnDb.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
  await adminOnDb.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
  await adminOnDb.query(`ALTER SCHEMA public OWNER TO ${owner}`);
  await adminOnDb.query(
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
  );
  await adminOnDb.query(
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
  );
}

export async function runMigrations(config: AppConfig): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(config, 'owner', ALL_ENTITIES));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

export interface BootstrapResult {
  database: string;
  created: boolean;
  migrations: string[];
}

// Idempotent: creates what is missing (roles, database, privileges) and applies pending migrations.
// `template` copies an already migrated database (test workers).
export async function bootstrapDatabase(config: AppConfig, template?: string): Promise<BootstrapResult> {
  const name = databaseName(config);
  const created = await withClient(databaseUrl(config, 'admin', 'postgres'), async (admin) => {
    await ensureRoles(admin, config);
    return ensureDatabase(admin, name, config.database.ownerRole, template);
  });
  await withClient(databaseUrl(config, 'admin'), (adminOnDb) => grantAppPrivileges(adminOnDb, config, name));
  const migrations = await runMigrations(config);
  return { database: name, created, migrations };
}

export async function dropDatabase(config: AppConfig, name: string): Promise<void> {
  await withClient(databaseUrl(config, 'admin', 'postgres'), (admin) =>
    admin.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`),
  );
}
