import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl } from '@rl/persistence';
import { testConfig } from '../../test/support/test-config';
import { bootstrapDatabase, ensureRoles } from './bootstrap';

// Roles of their own (cluster-wide names), so that the suite never touches the roles other tests use.
describe('bootstrap: role passwords', () => {
  const suffix = randomUUID().slice(0, 8);
  const owner = `rl_boot_owner_${suffix}`;
  const app = `rl_boot_app_${suffix}`;
  const config = (extra: Record<string, string> = {}) =>
    testConfig({ DB_OWNER_ROLE: owner, DB_APP_ROLE: app, ...extra });
  let admin: Client;

  beforeAll(async () => {
    admin = new Client({ connectionString: databaseUrl(config(), 'admin', 'postgres') });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.query(`DROP ROLE IF EXISTS "${owner}"`);
    await admin.query(`DROP ROLE IF EXISTS "${app}"`);
    await admin.end();
  });

  const verifierOf = async (role: string): Promise<string> =>
    (await admin.query<{ p: string }>('SELECT rolpassword AS p FROM pg_authid WHERE rolname = $1', [role]))
      .rows[0].p;

  it('sets a password when creating a role and never resets an existing one to the default', async () => {
    await ensureRoles(admin, config());
    expect(await verifierOf(owner)).toMatch(/^SCRAM-SHA-256\$/);

    // The administrator rotates the password; a bootstrap without a configured one keeps it.
    await admin.query(`ALTER ROLE "${owner}" PASSWORD 'rotated-by-the-administrator'`);
    const rotated = await verifierOf(owner);
    const appBefore = await verifierOf(app);
    await ensureRoles(admin, config());
    expect(await verifierOf(owner)).toBe(rotated);
    expect(await verifierOf(app)).toBe(appBefore);

    // A configured password is applied (rotation from the deployment's side).
    await ensureRoles(admin, config({ DB_OWNER_PASSWORD: 'configured-owner-secret' }));
    expect(await verifierOf(owner)).not.toBe(rotated);
    expect(await verifierOf(app)).toBe(appBefore);
  });
});

// The privileges on the log after migration, and again after `db:setup` runs on that existing database:
// the default privileges that give the app role its data rights on every table must not give them back.
describe('bootstrap: the log is written only through append_events', () => {
  const config = testConfig();
  let admin: Client;

  beforeAll(async () => {
    admin = new Client({ connectionString: databaseUrl(config, 'admin') });
    await admin.connect();
  });
  afterAll(() => admin.end());

  // Every privilege of a role other than the owner; a NULL ACL stands for the built-in defaults (a
  // function's EXECUTE for PUBLIC), so it is expanded too.
  const logPrivileges = async () =>
    (
      await admin.query<{ object: string; role: string; privilege: string }>(
        `SELECT c.relname AS object, coalesce(r.rolname, 'PUBLIC') AS role, a.privilege_type AS privilege
           FROM pg_class c CROSS JOIN LATERAL aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a
           LEFT JOIN pg_roles r ON r.oid = a.grantee
          WHERE c.oid IN ('public.events'::regclass, 'public.tenant_heads'::regclass) AND a.grantee <> c.relowner
         UNION ALL
         SELECT p.proname, coalesce(r.rolname, 'PUBLIC'), a.privilege_type
           FROM pg_proc p CROSS JOIN LATERAL aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
           LEFT JOIN pg_roles r ON r.oid = a.grantee
          WHERE p.oid = 'public.append_events(uuid, text, integer, jsonb, text)'::regprocedure AND a.grantee <> p.proowner
          ORDER BY 1, 2, 3`,
      )
    ).rows;

  const appendFunction = async () =>
    (
      await admin.query<{ owner: string; definer: boolean; config: string[] }>(
        `SELECT pg_get_userbyid(proowner) AS owner, prosecdef AS definer, proconfig AS config
           FROM pg_proc WHERE oid = 'public.append_events(uuid, text, integer, jsonb, text)'::regprocedure`,
      )
    ).rows[0];

  it('leaves the app role SELECT on events and tenant_heads and EXECUTE on append_events, nothing else', async () => {
    const app = config.database.appRole;
    const expected = [
      { object: 'append_events', role: app, privilege: 'EXECUTE' },
      { object: 'events', role: app, privilege: 'SELECT' },
      { object: 'tenant_heads', role: app, privilege: 'SELECT' },
    ];
    const definer = {
      owner: config.database.ownerRole,
      definer: true,
      config: ['search_path=pg_catalog, public, pg_temp'],
    };
    expect(await logPrivileges()).toEqual(expected);
    expect(await appendFunction()).toEqual(definer);

    // `db:setup` again on the existing database: roles, default privileges, (no) pending migrations.
    const { migrations } = await bootstrapDatabase(config);
    expect(migrations).toEqual([]);
    expect(await logPrivileges()).toEqual(expected);
    expect(await appendFunction()).toEqual(definer);
  });
});
