import { INestApplicationContext } from '@nestjs/common';
import { Queue, QueueEvents } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl } from '@rl/persistence';
import { bullConnection, QueueName } from '@rl/queue';
import { testConfig } from '../../../../test/support/test-config';
import { createWorker } from '../create-worker';

// The worker process as deployed (no HTTP server), against real Redis and PostgreSQL.
describe('maintenance worker', () => {
  const config = testConfig();
  const db = new Client({ connectionString: databaseUrl(config, 'admin') });
  const connection = bullConnection(config.redis.url);
  const queue = new Queue(QueueName.Maintenance, { connection, prefix: config.redis.queuePrefix });
  const events = new QueueEvents(QueueName.Maintenance, { connection, prefix: config.redis.queuePrefix });
  let worker: INestApplicationContext;

  beforeAll(async () => {
    await db.connect();
    await events.waitUntilReady();
    worker = await createWorker(config);
    await worker.init();
  });

  afterAll(async () => {
    await worker.close();
    await Promise.all([queue.close(), events.close(), db.end()]);
  });

  it('schedules the credential purge as a repeatable job', async () => {
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toContain('purge-expired-credentials');
  });

  it('purges expired refresh tokens and invitations, and keeps live ones', async () => {
    const user = randomUUID();
    const city = randomUUID();
    await db.query(`INSERT INTO users (id, email, name) VALUES ($1, $2, 'Purge test')`, [
      user,
      `purge-${user}@test.local`,
    ]);
    await db.query(
      `INSERT INTO cities (id, slug, name, country_code, default_locale, timezone) VALUES ($1, $2, 'P', 'IT', 'it', 'Europe/Rome')`,
      [city, `purge-${city.slice(0, 8)}`],
    );
    const token = (expiresAt: string) =>
      db.query(
        `INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, expires_at) VALUES ($1, $1, $2, $3, $4)`,
        [randomUUID(), user, randomUUID().replace(/-/g, '').padEnd(64, '0'), expiresAt],
      );
    const invitation = (expiresAt: string) =>
      db.query(
        `INSERT INTO invitations (tenant_id, id, user_id, token_hash, invited_by, expires_at) VALUES ($1, $2, $3, $4, $3, $5)`,
        [city, randomUUID(), user, randomUUID().replace(/-/g, '').padEnd(64, '0'), expiresAt],
      );
    const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
    await token(hoursFromNow(-72));
    await token(hoursFromNow(72));
    await invitation(hoursFromNow(-1));
    await invitation(hoursFromNow(24));

    const job = await queue.add('maintenance.purge-expired-credentials', {});
    await job.waitUntilFinished(events, 15_000);

    const remaining = await db.query(
      `SELECT (SELECT count(*) FROM refresh_tokens WHERE user_id = $1)::int AS tokens,
              (SELECT count(*) FROM invitations WHERE user_id = $1)::int AS invitations`,
      [user],
    );
    expect(remaining.rows[0]).toEqual({ tokens: 1, invitations: 1 });
  });

  it('keeps the expired invitation of a member still pending; purges expired resets and old sent e-mails', async () => {
    const user = randomUUID();
    const city = randomUUID();
    const hash = () => randomUUID().replace(/-/g, '').padEnd(64, '0');
    const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
    await db.query(`INSERT INTO users (id, email, name) VALUES ($1, $2, 'Purge test')`, [
      user,
      `purge-${user}@test.local`,
    ]);
    await db.query(
      `INSERT INTO cities (id, slug, name, country_code, default_locale, timezone) VALUES ($1, $2, 'P', 'IT', 'it', 'Europe/Rome')`,
      [city, `purge-${city.slice(0, 8)}`],
    );
    // A re-issue must still know that this city invited the account.
    await db.query(
      `INSERT INTO memberships (tenant_id, user_id, role, active, pending) VALUES ($1, $2, 'observer', false, true)`,
      [city, user],
    );
    await db.query(
      `INSERT INTO invitations (tenant_id, id, user_id, token_hash, invited_by, expires_at) VALUES ($1, $2, $3, $4, $3, $5)`,
      [city, randomUUID(), user, hash(), hoursFromNow(-1)],
    );
    for (const expiresAt of [hoursFromNow(-1), hoursFromNow(1)]) {
      await db.query(
        `INSERT INTO password_resets (id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`,
        [randomUUID(), user, hash(), expiresAt],
      );
    }
    for (const sentAt of [hoursFromNow(-8 * 24), hoursFromNow(-1)]) {
      await db.query(
        `INSERT INTO account_emails (id, user_id, kind, data, status, sent_at) VALUES ($1, $2, 'account.password-reset', '{}', 'sent', $3)`,
        [randomUUID(), user, sentAt],
      );
    }

    const job = await queue.add('maintenance.purge-expired-credentials', {});
    await job.waitUntilFinished(events, 15_000);

    const remaining = await db.query(
      `SELECT (SELECT count(*) FROM invitations WHERE user_id = $1)::int AS invitations,
              (SELECT count(*) FROM password_resets WHERE user_id = $1)::int AS resets,
              (SELECT count(*) FROM account_emails WHERE user_id = $1)::int AS emails`,
      [user],
    );
    expect(remaining.rows[0]).toEqual({ invitations: 1, resets: 1, emails: 1 });
  });
});
