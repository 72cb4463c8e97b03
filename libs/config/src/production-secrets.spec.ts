import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig } from './load-config';
import {
  DEV_ACCESS_TOKEN_SECRET,
  DEV_AUDIT_SIGNING_KEY,
  DEV_DB_APP_PASSWORD,
  DEV_DB_OWNER_PASSWORD,
  DEV_OPERATOR_PASSWORD,
  DEV_PERSONAL_DATA_KEK,
  DEV_TEMPLATE_SIGNING_KEY,
  DEV_CONNECTION_CREDENTIALS_KEY,
} from './production-secrets';

const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_ACCESS_SECRET: 'k'.repeat(48),
  OPERATOR_PASSWORD: 'operator-secret-of-this-site',
  DB_OWNER_PASSWORD: 'owner-secret-of-this-site',
  DB_APP_PASSWORD: 'app-secret-of-this-site',
  DATABASE_URL: 'postgres://admin:admin-secret@db.internal:5432/rights_ledger',
  SMTP_URL: 'smtps://mailer:mail-secret@smtp.example.org',
  METRICS_TOKEN: 't'.repeat(40),
  PERSONAL_DATA_KEK: Buffer.alloc(32, 7).toString('base64'),
  TEMPLATE_SIGNING_KEY: 's'.repeat(40),
  CONNECTION_CREDENTIALS_KEY: Buffer.alloc(32, 8).toString('base64'),
  AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString(),
};

const refusal = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('production refuses built-in secrets', () => {
  it('starts with secrets of its own', () => {
    expect(refusal(PRODUCTION)).toEqual([]);
  });

  it.each([
    ['JWT_ACCESS_SECRET', DEV_ACCESS_TOKEN_SECRET],
    ['OPERATOR_PASSWORD', DEV_OPERATOR_PASSWORD],
    ['DB_OWNER_PASSWORD', DEV_DB_OWNER_PASSWORD],
    ['DB_APP_PASSWORD', DEV_DB_APP_PASSWORD],
    ['PERSONAL_DATA_KEK', DEV_PERSONAL_DATA_KEK],
    ['CONNECTION_CREDENTIALS_KEY', DEV_CONNECTION_CREDENTIALS_KEY],
    ['DATABASE_URL', 'postgres://postgres:postgres@127.0.0.1:5432/rights_ledger'],
    ['SMTP_URL', 'smtp://mailer:password@smtp.example.org'],
    ['LOG_ACCOUNT_TOKENS', 'true'],
    ['TEMPLATE_SIGNING_KEY', DEV_TEMPLATE_SIGNING_KEY],
    ['AUDIT_SIGNING_KEY', DEV_AUDIT_SIGNING_KEY],
    // As a .env line holds it.
    ['AUDIT_SIGNING_KEY', DEV_AUDIT_SIGNING_KEY.replace(/\n/g, '\\n')],
  ])('refuses %s set to %s, naming it', (variable, value) => {
    expect(refusal({ ...PRODUCTION, [variable]: value })).toEqual([
      { variable, message: expect.any(String) },
    ]);
  });

  it('requires each secret to be set', () => {
    for (const variable of [
      'JWT_ACCESS_SECRET',
      'OPERATOR_PASSWORD',
      'DB_OWNER_PASSWORD',
      'DB_APP_PASSWORD',
      'METRICS_TOKEN',
      'PERSONAL_DATA_KEK',
      'CONNECTION_CREDENTIALS_KEY',
      'AUDIT_SIGNING_KEY',
      'TEMPLATE_SIGNING_KEY',
    ]) {
      const env: Record<string, string> = { ...PRODUCTION };
      delete env[variable];
      expect(refusal(env)).toEqual([{ variable, message: 'is required in production' }]);
    }
  });

  it('allows the development defaults and the token log outside production', () => {
    const config = loadConfig({ LOG_ACCOUNT_TOKENS: 'true' });
    expect(config.auth).toEqual(
      expect.objectContaining({ accessTokenSecret: DEV_ACCESS_TOKEN_SECRET, logAccountTokens: true }),
    );
    expect(config.database).toEqual(
      expect.objectContaining({ ownerPassword: DEV_DB_OWNER_PASSWORD, ownerPasswordIsDefault: true }),
    );
  });
});
