import Redis from 'ioredis';
import { randomBytes, randomUUID } from 'node:crypto';
import { asCityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { REDIS } from '@rl/queue';
import { ApiHarness, expectProblem, PASSWORD, Session, TestCity, uniqueSuffix } from '../support/api-harness';

const CONSECUTIVE = 5;
const PER_ACCOUNT = 8;
const PER_ADDRESS_PER_MINUTE = 6;
const PER_ADDRESS_FAILURES = 4;
const METRICS_TOKEN = 'metrics-token-of-the-tests-'.padEnd(40, 'x');

const basic = (email: string, password: string) =>
  `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;
// A random documentation-range address: a "fresh IP" for each attempt.
const freshIp = () => `198.18.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;

// Deletes the keys (throttle counters, queues) of a prefix the suite made up for itself.
async function dropPrefix(api: ApiHarness, prefix: string): Promise<void> {
  const redis = api.app.get<Redis>(REDIS);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
}

// Password hashing (argon2) is slow on a loaded machine, and every test here pays for a few.
jest.setTimeout(60_000);

describe('Throttling that holds: one budget in Redis per account and address', () => {
  const prefix = `rl-test-throttle-${uniqueSuffix()}`;
  const limits = {
    QUEUE_PREFIX: prefix,
    AUTH_MAX_CONSECUTIVE_FAILURES: String(CONSECUTIVE),
    AUTH_ACCOUNT_FAILURES_PER_HOUR: String(PER_ACCOUNT),
  };
  // Two API processes sharing Redis, with TRUST_PROXY off (the default).
  let first: ApiHarness;
  let second: ApiHarness;
  // One behind a proxy on this host, whose X-Forwarded-For is believed.
  let proxied: ApiHarness;
  let operator: Session;
  let city: TestCity;

  beforeAll(async () => {
    [first, second, proxied] = await Promise.all([
      ApiHarness.start({ ...limits, METRICS_CITY_LABELS: 'true' }),
      ApiHarness.start({ ...limits, METRICS_CITY_LABELS: 'true' }),
      ApiHarness.start({
        ...limits,
        TRUST_PROXY: 'loopback',
        AUTH_RATE_LIMIT_PER_MINUTE: String(PER_ADDRESS_PER_MINUTE),
        AUTH_ADDRESS_FAILURES_PER_DAY: String(PER_ADDRESS_FAILURES),
        METRICS_TOKEN,
      }),
    ]);
    operator = await first.operator();
    city = await first.city(operator);
  }, 120_000);
  afterAll(async () => {
    await dropPrefix(first, prefix);
    await Promise.all([first.close(), second.close(), proxied.close()]);
  });

  const login = (api: ApiHarness, email: string, password: string, ip?: string) => {
    const req = api.http.post('/v1/auth/login');
    return (ip === undefined ? req : req.set('X-Forwarded-For', ip)).send({ email, password });
  };
  const newMember = async (role: 'collector' | 'coordinator' = 'collector') =>
    (await first.member(operator, city, role)).user.email;

  describe('/admin/queues with HTTP Basic (attack 2: password oracle)', () => {
    it('answers 429 long before 30 wrong passwords of a real collector', async () => {
      const collector = await newMember();
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) {
        const res = await first.http
          .get('/admin/queues')
          .set('Authorization', basic(collector, `wrong-${i}`));
        statuses.push(res.status);
        if (res.status === 429) {
          expectProblem(res, 429, 'AUTH.TOO_MANY_ATTEMPTS');
          expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        }
      }
      expect(statuses.slice(0, CONSECUTIVE)).toEqual(Array(CONSECUTIVE).fill(401));
      expect(statuses.slice(CONSECUTIVE)).toEqual(Array(30 - CONSECUTIVE).fill(429));
    });

    it("answers a non-operator's right password exactly like a wrong one", async () => {
      const coordinator = await newMember('coordinator');
      const wrong = await first.http
        .get('/admin/queues')
        .set('Authorization', basic(coordinator, 'nope-nope'));
      const right = await first.http.get('/admin/queues').set('Authorization', basic(coordinator, PASSWORD));
      expectProblem(wrong, 401, 'AUTH.INVALID_CREDENTIALS');
      expect(right.status).toBe(wrong.status);
      expect(right.body).toEqual(wrong.body);
      expect(right.headers['www-authenticate']).toBe(wrong.headers['www-authenticate']);
      expect(right.headers['www-authenticate']).toMatch(/^Basic /);
    });

    it('lets an operator in, and a remembered check ends when the account stops being an operator', async () => {
      const ops = await first.operator();
      const header = basic(ops.user.email, PASSWORD);
      for (let i = 0; i < 3; i++)
        await first.http.get('/admin/queues').set('Authorization', header).expect(200);
      await first.app
        .get(TenantDb)
        .platform((em) => em.query(`UPDATE users SET is_operator = false WHERE id = $1`, [ops.user.id]));
      expectProblem(await first.http.get('/admin/queues').set('Authorization', header), 401);
    });
  });

  describe('login', () => {
    it('counts failures of one account across two API processes sharing Redis', async () => {
      const email = await newMember();
      for (let i = 0; i < CONSECUTIVE; i++) {
        const api = i % 2 === 0 ? first : second;
        expectProblem(await login(api, email, `wrong-${i}`), 401, 'AUTH.INVALID_CREDENTIALS');
      }
      const blocked = expectProblem(await login(second, email, PASSWORD), 429, 'AUTH.TOO_MANY_ATTEMPTS');
      expect(blocked.detail).toMatch(/try again/);
      expectProblem(await login(first, email, PASSWORD), 429, 'AUTH.TOO_MANY_ATTEMPTS');
    });

    it('believes no forged X-Forwarded-For when TRUST_PROXY is off', async () => {
      const email = await newMember();
      for (let i = 0; i < CONSECUTIVE; i++)
        expectProblem(await login(first, email, `wrong-${i}`, freshIp()), 401);
      expectProblem(await login(first, email, `wrong`, freshIp()), 429, 'AUTH.TOO_MANY_ATTEMPTS');
    });

    it('ends the count of consecutive failures with a success', async () => {
      const email = await newMember();
      for (let round = 0; round < 2; round++) {
        for (let i = 1; i < CONSECUTIVE; i++) expectProblem(await login(first, email, `wrong-${i}`), 401);
        await login(first, email, PASSWORD).expect(200);
      }
    });

    it('limits an account from fresh addresses behind a trusted proxy, but not its own known address', async () => {
      const email = await newMember();
      const home = freshIp();
      await login(proxied, email, PASSWORD, home).expect(200);
      for (let i = 0; i < PER_ACCOUNT; i++)
        expectProblem(await login(proxied, email, `wrong-${i}`, freshIp()), 401);
      expectProblem(await login(proxied, email, PASSWORD, freshIp()), 429, 'AUTH.TOO_MANY_ATTEMPTS');
      // The real user, from where they signed in before, is not locked out by strangers.
      await login(proxied, email, PASSWORD, home).expect(200);
    });
  });

  describe('password spraying from one address', () => {
    it('blocks the address after its failures over all accounts, except for accounts known there', async () => {
      const office = freshIp();
      const regular = await newMember();
      const newcomer = await newMember();
      await login(proxied, regular, PASSWORD, office).expect(200);
      for (let i = 0; i < PER_ADDRESS_FAILURES; i++) {
        expectProblem(await login(proxied, `nobody-${uniqueSuffix()}@test.local`, 'guess', office), 401);
      }
      expectProblem(await login(proxied, newcomer, PASSWORD, office), 429, 'AUTH.TOO_MANY_ATTEMPTS');
      await login(proxied, regular, PASSWORD, office).expect(200);
    });
  });

  describe('the other credential routes share it', () => {
    it('limits requests per address to every POST under /v1/auth/, and nothing else', async () => {
      const ip = freshIp();
      const unknownToken = randomBytes(32).toString('base64url');
      // Successes (an unknown token's logout is a no-op) and one failure: volume, not failures.
      for (let i = 1; i < PER_ADDRESS_PER_MINUTE; i++)
        await proxied.http
          .post('/v1/auth/logout')
          .set('X-Forwarded-For', ip)
          .send({ refreshToken: unknownToken })
          .expect(204);
      const refresh = () =>
        proxied.http.post('/v1/auth/refresh').set('X-Forwarded-For', ip).send({ refreshToken: unknownToken });
      expectProblem(await refresh(), 401);
      const refused = await refresh();
      expectProblem(refused, 429, 'AUTH.TOO_MANY_ATTEMPTS');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      for (let i = 0; i < PER_ADDRESS_PER_MINUTE; i++)
        await proxied.http.get('/health').set('X-Forwarded-For', ip).expect(200);
    });

    it("counts a signed-in user's failed password changes against that user", async () => {
      const member = await first.member(operator, city, 'researcher');
      const change = () =>
        first.http
          .post('/v1/me/password')
          .auth(member.accessToken, { type: 'bearer' })
          .send({ currentPassword: `wrong-${randomUUID()}`, newPassword: 'another-long-password-1' });
      for (let i = 0; i < CONSECUTIVE; i++) expect((await change()).status).toBeGreaterThanOrEqual(400);
      expectProblem(await change(), 429, 'AUTH.TOO_MANY_ATTEMPTS');
    });
  });

  describe('/metrics', () => {
    // A notification outcome of the city, so that a city label would have something to show.
    beforeAll(() =>
      first.app.get(TenantDb).inCity(asCityId(city.id), (em) =>
        em.query(
          `INSERT INTO notices (tenant_id, id, key, recipient_id, channel, kind, data, send_after, status)
           VALUES ($1, gen_random_uuid(), $2, $3, 'in_app', 'comment.reply', '{}', now(), 'sent')`,
          [city.id, `metrics-${uniqueSuffix()}`, operator.user.id],
        ),
      ),
    );

    it('requires METRICS_TOKEN when it is set', async () => {
      const res = await proxied.http.get('/metrics');
      expectProblem(res, 401, 'METRICS.TOKEN_REQUIRED');
      expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
      expectProblem(await proxied.http.get('/metrics').auth(`${METRICS_TOKEN}y`, { type: 'bearer' }), 401);
      expectProblem(await proxied.http.get('/metrics').auth(operator.accessToken, { type: 'bearer' }), 401);
      await proxied.http.get('/metrics').auth(METRICS_TOKEN, { type: 'bearer' }).expect(200);
    });

    it('carries no city slug in its labels unless METRICS_CITY_LABELS is on', async () => {
      const outcomes = (text: string) =>
        text.split('\n').filter((l) => l.startsWith('rl_notification_outcomes{'));
      const plain = await proxied.http.get('/metrics').auth(METRICS_TOKEN, { type: 'bearer' }).expect(200);
      expect(outcomes(plain.text)).toContainEqual(expect.stringContaining('metric="notices"'));
      expect(outcomes(plain.text).filter((l) => l.includes('city='))).toEqual([]);
      expect(plain.text).not.toContain(city.slug);

      const labelled = await first.http.get('/metrics').expect(200);
      expect(outcomes(labelled.text)).toContainEqual(expect.stringContaining(`city="${city.slug}"`));
    });
  });
});
