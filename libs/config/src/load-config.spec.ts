import { createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './load-config';
import { DEV_AUDIT_SIGNING_KEY } from './production-secrets';

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
  TEMPLATE_SIGNING_KEY: 't'.repeat(40),
  CONNECTION_CREDENTIALS_KEY: Buffer.alloc(32, 8).toString('base64'),
  AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString(),
};

const pem = (key: KeyObject) =>
  key
    .export(key.type === 'private' ? { type: 'pkcs8', format: 'pem' } : { type: 'spki', format: 'pem' })
    .toString();
const keyDir = mkdtempSync(join(tmpdir(), 'rl-keys-'));
const keyFile = (name: string, content: string) => {
  const path = join(keyDir, name);
  writeFileSync(path, content);
  return path;
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
      'AUDIT_SIGNING_KEY',
      'CONNECTION_CREDENTIALS_KEY',
      'DB_APP_PASSWORD',
      'DB_OWNER_PASSWORD',
      'JWT_ACCESS_SECRET',
      'METRICS_TOKEN',
      'OPERATOR_PASSWORD',
      'PERSONAL_DATA_KEK',
      'SMTP_URL',
      'TEMPLATE_SIGNING_KEY',
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

  it('gives late reminders a grace of 15 minutes by default, between none and a week', () => {
    expect(loadConfig({}).notifications.lateGraceSeconds).toBe(900);
    expect(loadConfig({ REMINDER_LATE_GRACE_SECONDS: '0' }).notifications.lateGraceSeconds).toBe(0);
    expect(problemsOf({ REMINDER_LATE_GRACE_SECONDS: '-1' })).toEqual(['REMINDER_LATE_GRACE_SECONDS']);
    expect(problemsOf({ REMINDER_LATE_GRACE_SECONDS: '604801' })).toEqual(['REMINDER_LATE_GRACE_SECONDS']);
    expect(problemsOf({ REMINDER_LATE_GRACE_SECONDS: 'soon' })).toEqual(['REMINDER_LATE_GRACE_SECONDS']);
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

  describe('checkpoint signing keys', () => {
    const a = generateKeyPairSync('ed25519');
    const b = generateKeyPairSync('ed25519');

    it('signs with the built-in development key by default, every 1000 events or 60 minutes', () => {
      const { audit } = loadConfig({});
      expect(audit.signingKey.privateKeyPem).toBe(DEV_AUDIT_SIGNING_KEY);
      expect(audit.signingKey.keyId).toMatch(/^ed25519-[0-9a-f]{16}$/);
      expect(audit).toEqual(
        expect.objectContaining({
          retiredKeys: [],
          checkpointEveryEvents: 1_000,
          checkpointEveryMinutes: 60,
        }),
      );
    });

    it('reads the key from the variable (newlines written as \\n too) or from a file, with its id', () => {
      const fromVariable = loadConfig({ AUDIT_SIGNING_KEY: pem(a.privateKey).replace(/\n/g, '\\n') });
      expect(fromVariable.audit.signingKey.publicKeyPem).toBe(pem(a.publicKey));
      const fromFile = loadConfig({
        AUDIT_SIGNING_KEY_FILE: keyFile('a.pem', pem(a.privateKey)),
        AUDIT_SIGNING_KEY_ID: 'city-2025',
        AUDIT_CHECKPOINT_EVERY_EVENTS: '50',
        AUDIT_CHECKPOINT_EVERY_MINUTES: '5',
      });
      expect(fromFile.audit).toEqual(
        expect.objectContaining({ checkpointEveryEvents: 50, checkpointEveryMinutes: 5 }),
      );
      expect(fromFile.audit.signingKey).toEqual(
        expect.objectContaining({ keyId: 'city-2025', publicKeyPem: pem(a.publicKey) }),
      );
      // The same key gets the same derived id wherever it comes from.
      expect(loadConfig({ AUDIT_SIGNING_KEY: pem(a.privateKey) }).audit.signingKey.keyId).toBe(
        fromVariable.audit.signingKey.keyId,
      );
    });

    it('keeps retired public keys, with their id or their fingerprint', () => {
      const { audit } = loadConfig({
        AUDIT_SIGNING_KEY: pem(b.privateKey),
        AUDIT_RETIRED_PUBLIC_KEYS: `old-a=${keyFile('a.pub', pem(a.publicKey))}, ${keyFile('b.pub', pem(createPublicKey(b.privateKey)))}`,
      });
      expect(audit.retiredKeys).toEqual([
        { keyId: 'old-a', publicKeyPem: pem(a.publicKey) },
        { keyId: audit.signingKey.keyId, publicKeyPem: pem(b.publicKey) },
      ]);
    });

    it('names every unusable key setting', () => {
      const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
      expect(problemsOf({ AUDIT_SIGNING_KEY: 'not a key' })).toEqual(['AUDIT_SIGNING_KEY']);
      expect(problemsOf({ AUDIT_SIGNING_KEY: pem(rsa.privateKey) })).toEqual(['AUDIT_SIGNING_KEY']);
      expect(problemsOf({ AUDIT_SIGNING_KEY_FILE: join(keyDir, 'missing.pem') })).toEqual([
        'AUDIT_SIGNING_KEY_FILE',
      ]);
      expect(
        problemsOf({
          AUDIT_SIGNING_KEY: pem(a.privateKey),
          AUDIT_SIGNING_KEY_FILE: keyFile('a2.pem', pem(a.privateKey)),
        }),
      ).toEqual(['AUDIT_SIGNING_KEY_FILE']);
      expect(problemsOf({ AUDIT_SIGNING_KEY_ID: 'has spaces' })).toEqual(['AUDIT_SIGNING_KEY_ID']);
      expect(problemsOf({ AUDIT_RETIRED_PUBLIC_KEYS: keyFile('rsa.pub', pem(rsa.publicKey)) })).toEqual([
        'AUDIT_RETIRED_PUBLIC_KEYS',
      ]);
      expect(problemsOf({ AUDIT_RETIRED_PUBLIC_KEYS: 'bad id=/x' })).toEqual(['AUDIT_RETIRED_PUBLIC_KEYS']);
      expect(problemsOf({ AUDIT_CHECKPOINT_EVERY_EVENTS: '0' })).toEqual(['AUDIT_CHECKPOINT_EVERY_EVENTS']);
    });

    it('refuses the built-in key in production, from a file too', () => {
      expect(problemsOf({ ...PRODUCTION, AUDIT_SIGNING_KEY: DEV_AUDIT_SIGNING_KEY })).toEqual([
        'AUDIT_SIGNING_KEY',
      ]);
      const { AUDIT_SIGNING_KEY: _key, ...withoutKey } = PRODUCTION;
      expect(
        problemsOf({ ...withoutKey, AUDIT_SIGNING_KEY_FILE: keyFile('dev.pem', DEV_AUDIT_SIGNING_KEY) }),
      ).toEqual(['AUDIT_SIGNING_KEY']);
      expect(
        problemsOf({ ...withoutKey, AUDIT_SIGNING_KEY_FILE: keyFile('own.pem', pem(a.privateKey)) }),
      ).toEqual([]);
    });
  });
});
