import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl } from '@rl/persistence';
import { testConfig } from '../support/test-config';

// Tenant isolation checked in SQL as the application role, bypassing all application code: a query
// that forgets `WHERE tenant_id` still cannot see another city's rows.
describe('Row-level security (as the application role)', () => {
  const config = testConfig();
  const owner = new Client({ connectionString: databaseUrl(config, 'admin') });
  const app = new Client({ connectionString: databaseUrl(config, 'app') });
  const ghent = randomUUID();
  const padua = randomUUID();
  const user = randomUUID();

  beforeAll(async () => {
    await owner.connect();
    await app.connect();
    // Seeded as the superuser with the city setting, the way the application would write them.
    for (const [city, slug] of [
      [ghent, `ghent-${ghent.slice(0, 8)}`],
      [padua, `padua-${padua.slice(0, 8)}`],
    ]) {
      await owner.query(
        `INSERT INTO cities (id, slug, name, country_code, default_locale, timezone) VALUES ($1, $2, $2, 'BE', 'nl', 'Europe/Brussels')`,
        [city, slug],
      );
    }
    await owner.query(`INSERT INTO users (id, email, name) VALUES ($1, $2, 'Both cities')`, [
      user,
      `rls-${user}@test.local`,
    ]);
    for (const [city, role] of [
      [ghent, 'official'],
      [padua, 'auditor'],
    ]) {
      await owner.query(`INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, $3)`, [
        city,
        user,
        role,
      ]);
    }
  });

  afterAll(async () => {
    await app.end();
    await owner.end();
  });

  const inTransaction = async <T>(settings: Record<string, string>, work: () => Promise<T>): Promise<T> => {
    await app.query('BEGIN');
    try {
      for (const [name, value] of Object.entries(settings))
        await app.query('SELECT set_config($1, $2, true)', [name, value]);
      return await work();
    } finally {
      await app.query('ROLLBACK');
    }
  };

  const tenantTables = async (): Promise<string[]> =>
    (
      await owner.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id' ORDER BY 1`,
      )
    ).rows.map((r) => r.table_name);

  it('connects as a role that owns nothing and cannot bypass row-level security', async () => {
    const { rows } = await app.query(
      `SELECT r.rolsuper, r.rolbypassrls, (SELECT count(*) FROM pg_tables WHERE tableowner = current_user)::int AS owned
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
  });

  it('has row-level security enabled and forced, with a tenant policy, on every tenant table', async () => {
    const tables = await tenantTables();
    expect(tables).toEqual(expect.arrayContaining(['invitations', 'memberships']));
    const { rows } = await owner.query(
      `SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
              EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = c.relname AND p.policyname = 'tenant_isolation') AS policy,
              (SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                WHERE i.indrelid = c.oid AND i.indisprimary) AS first_key_column
         FROM pg_class c WHERE c.relname = ANY($1) ORDER BY 1`,
      [tables],
    );
    expect(rows).toEqual(
      tables.map((table) => ({
        table,
        enabled: true,
        forced: true,
        policy: true,
        first_key_column: 'tenant_id',
      })),
    );
  });

  it('returns no tenant rows when no city is set, or when it is set to an empty string', async () => {
    for (const table of await tenantTables()) {
      expect((await inTransaction({}, () => app.query(`SELECT * FROM ${table}`))).rowCount).toBe(0);
      expect(
        (await inTransaction({ 'app.tenant_id': '' }, () => app.query(`SELECT * FROM ${table}`))).rowCount,
      ).toBe(0);
    }
  });

  it("with Padua set, never returns Ghent's rows, even without a WHERE clause", async () => {
    const { rows } = await inTransaction({ 'app.tenant_id': padua }, () =>
      app.query('SELECT tenant_id, role FROM memberships'),
    );
    expect(rows).toEqual([{ tenant_id: padua, role: 'auditor' }]);
  });

  it("refuses to write a row into another city, and cannot change Ghent's rows from Padua", async () => {
    await expect(
      inTransaction({ 'app.tenant_id': padua }, () =>
        app.query(`INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'observer')`, [
          ghent,
          randomUUID(),
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
    const updated = await inTransaction({ 'app.tenant_id': padua }, () =>
      app.query(`UPDATE memberships SET role = 'observer' WHERE tenant_id = $1`, [ghent]),
    );
    expect(updated.rowCount).toBe(0);
  });

  it("shows a user their own memberships across cities, and nobody else's", async () => {
    const own = await inTransaction({ 'app.user_id': user }, () =>
      app.query('SELECT tenant_id FROM memberships ORDER BY role'),
    );
    expect(own.rows.map((r) => r.tenant_id).sort()).toEqual([ghent, padua].sort());
    const other = await inTransaction({ 'app.user_id': randomUUID() }, () =>
      app.query('SELECT * FROM memberships'),
    );
    expect(other.rowCount).toBe(0);
  });
});
