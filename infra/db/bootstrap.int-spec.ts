import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl } from '@rl/persistence';
import { testConfig } from '../../test/support/test-config';
import { ensureRoles } from './bootstrap';

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
