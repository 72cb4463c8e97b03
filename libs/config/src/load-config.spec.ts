import { ConfigError, loadConfig } from './load-config';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable).sort();
    throw error;
  }
  return [];
};

// A production environment with every secret of its own.
const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_ACCESS_SECRET: 'x'.repeat(40),
  OPERATOR_PASSWORD: 'a-long-operator-password',
  DB_OWNER_PASSWORD: 'owner-secret-of-this-site',
  DB_APP_PASSWORD: 'app-secret-of-this-site',
  SMTP_URL: 'smtps://mailer:mail-secret@smtp.example.org',
  METRICS_TOKEN: 'm'.repeat(32),
  PERSONAL_DATA_KEK: Buffer.alloc(32, 7).toString('base64'),
};

describe('loadConfig', () => {
  it('works on a developer machine with no variables set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database.url).toBe('postgres://postgres@127.0.0.1:5432/rights_ledger');
    expect(config.demoSeed).toBe(true);
  });

  it('reads and converts the variables it is given', () => {
    const config = loadConfig({
      PORT: '8080',
      DEMO_SEED: 'false',
      OPERATOR_EMAIL: 'Ops@City.example',
      DB_POOL_SIZE: '4',
    });
    expect(config).toEqual(
      expect.objectContaining({
        port: 8080,
        demoSeed: false,
        operator: expect.objectContaining({ email: 'ops@city.example' }),
      }),
    );
    expect(config.database.poolSize).toBe(4);
  });

  it('names every invalid variable', () => {
    expect(
      problemsOf({
        PORT: 'eighty',
        REDIS_URL: 'http://nope',
        JWT_ACCESS_SECRET: 'short',
        NODE_ENV: 'staging',
      }),
    ).toEqual(['JWT_ACCESS_SECRET', 'NODE_ENV', 'PORT', 'REDIS_URL']);
  });

  it('requires real secrets in production and turns the demo seed off there', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'DB_APP_PASSWORD',
      'DB_OWNER_PASSWORD',
      'JWT_ACCESS_SECRET',
      'METRICS_TOKEN',
      'OPERATOR_PASSWORD',
      'PERSONAL_DATA_KEK',
      'SMTP_URL',
    ]);
    const config = loadConfig(PRODUCTION);
    expect(config.demoSeed).toBe(false);
    expect(config.database.ownerPasswordIsDefault).toBe(false);
  });

  it('keeps outbound calls to public https targets in production', () => {
    expect(loadConfig({}).outbound).toEqual({ allowPrivate: false, httpsOnly: false, timeoutMs: 10_000 });
    expect(loadConfig({ WEBHOOK_ALLOW_PRIVATE: 'true' }).outbound.allowPrivate).toBe(true);
    expect(problemsOf({ NODE_ENV: 'production', WEBHOOK_ALLOW_PRIVATE: 'true' })).toContain(
      'WEBHOOK_ALLOW_PRIVATE',
    );
    expect(loadConfig(PRODUCTION).outbound).toEqual(
      expect.objectContaining({ allowPrivate: false, httpsOnly: true }),
    );
  });

  it('believes X-Forwarded-For from no one by default, and never from everyone', () => {
    expect(loadConfig({}).http.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).http.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).http.trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,2001:db8::1' }).http.trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      '2001:db8::1',
    ]);
    expect(problemsOf({ TRUST_PROXY: 'true' })).toEqual(['TRUST_PROXY']);
    expect(problemsOf({ TRUST_PROXY: '10.0.0.0/33' })).toEqual(['TRUST_PROXY']);
  });

  it('keeps city slugs out of metrics and leaves them open outside production unless a token is set', () => {
    expect(loadConfig({}).metrics).toEqual({ token: null, cityLabels: false });
    expect(loadConfig({ METRICS_CITY_LABELS: 'true' }).metrics.cityLabels).toBe(true);
    expect(problemsOf({ METRICS_TOKEN: 'short' })).toEqual(['METRICS_TOKEN']);
  });

  it('reads the key-encryption key of personal data: 32 bytes in base64, a development one by default', () => {
    const kek = Buffer.alloc(32, 9);
    expect(loadConfig({ PERSONAL_DATA_KEK: kek.toString('base64') }).personalData.kek.equals(kek)).toBe(true);
    expect(loadConfig({}).personalData.kek).toHaveLength(32);
    expect(problemsOf({ PERSONAL_DATA_KEK: Buffer.alloc(16).toString('base64') })).toEqual([
      'PERSONAL_DATA_KEK',
    ]);
    expect(problemsOf({ PERSONAL_DATA_KEK: 'not base64 at all, not 32 bytes either!!!!!' })).toEqual([
      'PERSONAL_DATA_KEK',
    ]);
  });

  it('retries failed e-mails with a growing backoff (at most 15 minutes apart) for three days by default', () => {
    expect(loadConfig({}).notifications).toEqual(
      expect.objectContaining({
        noticeBackoffMs: 30_000,
        noticeBackoffMaxMs: 900_000,
        noticeMaxAgeHours: 72,
      }),
    );
    const quick = loadConfig({
      NOTICE_BACKOFF_MS: '500',
      NOTICE_BACKOFF_MAX_MS: '5000',
      NOTICE_MAX_AGE_HOURS: '1',
    });
    expect(quick.notifications).toEqual(
      expect.objectContaining({ noticeBackoffMs: 500, noticeBackoffMaxMs: 5_000, noticeMaxAgeHours: 1 }),
    );
    expect(problemsOf({ NOTICE_BACKOFF_MS: '5', NOTICE_MAX_AGE_HOURS: '0' })).toEqual([
      'NOTICE_BACKOFF_MS',
      'NOTICE_MAX_AGE_HOURS',
    ]);
    expect(problemsOf({ NOTICE_BACKOFF_MS: '60000', NOTICE_BACKOFF_MAX_MS: '1000' })).toEqual([
      'NOTICE_BACKOFF_MAX_MS',
    ]);
  });
});
