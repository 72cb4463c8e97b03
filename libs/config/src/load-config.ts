import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  Validate,
  validateSync,
} from 'class-validator';
import { AppConfig, RuntimeEnv } from './app-config';
import {
  DEV_ACCESS_TOKEN_SECRET,
  DEV_AUDIT_SIGNING_KEY,
  DEV_DB_APP_PASSWORD,
  DEV_DB_OWNER_PASSWORD,
  DEV_OPERATOR_PASSWORD,
  DEV_PERSONAL_DATA_KEK,
  DEV_TEMPLATE_SIGNING_KEY,
  DEV_CONNECTION_CREDENTIALS_KEY,
  productionSecretProblems,
} from './production-secrets';
import {
  KEY_ID_PATTERN,
  normalisePem,
  parseRetiredKeys,
  parseSigningKey,
  PublicKeyConfig,
  readKeyFile,
  SigningKeyConfig,
} from './signing-key';
import { IsTrustProxy, parseTrustProxy } from './trust-proxy';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
// Environment values are strings (loadConfig takes Record<string, string | undefined>).
const toBool = ({ value }: { value: string | undefined }) =>
  value === undefined || value === ''
    ? undefined
    : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());

// Mirrors .env.example; every property is the variable's exact name so errors can name it.
class EnvironmentVariables {
  @IsOptional() @IsIn(['development', 'test', 'production']) NODE_ENV: RuntimeEnv = 'development';
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'] }) PUBLIC_URL?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['postgres', 'postgresql'] })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/rights_ledger';
  @IsOptional() @IsString() @MinLength(1) DB_OWNER_ROLE = 'rights_ledger_owner';
  @IsOptional() @IsString() DB_OWNER_PASSWORD?: string;
  @IsOptional() @IsString() @MinLength(1) DB_APP_ROLE = 'rights_ledger_app';
  @IsOptional() @IsString() DB_APP_PASSWORD?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(200) DB_POOL_SIZE = 10;
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) DB_STATEMENT_TIMEOUT_MS = 30_000;
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) DB_IDLE_IN_TRANSACTION_TIMEOUT_MS = 10_000;
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(60_000) DB_POOL_ACQUIRE_TIMEOUT_MS = 5_000;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['redis', 'rediss'] })
  REDIS_URL = 'redis://127.0.0.1:6379';
  @IsOptional() @IsString() @MinLength(1) QUEUE_PREFIX = 'rl';

  @IsOptional() @IsString() @MinLength(32) JWT_ACCESS_SECRET?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(30) @Max(86_400) JWT_ACCESS_TTL_SECONDS = 900;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(365) REFRESH_TOKEN_TTL_DAYS = 30;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(24 * 60) INVITATION_TTL_HOURS = 168;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) AUTH_RATE_LIMIT_PER_MINUTE = 20;
  @IsOptional() @IsString() @MinLength(1) JWT_ISSUER = 'rights-ledger';
  @IsOptional() @IsString() @MinLength(1) JWT_AUDIENCE = 'rights-ledger-api';
  @IsOptional() @Transform(toInt) @IsInt() @Min(5) @Max(24 * 60) PASSWORD_RESET_TTL_MINUTES = 30;
  @IsOptional() @Transform(toBool) @IsBoolean() LOG_ACCOUNT_TOKENS?: boolean;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) AUTH_MAX_CONSECUTIVE_FAILURES = 5;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(24 * 60) AUTH_LOCKOUT_MINUTES = 15;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) AUTH_ACCOUNT_FAILURES_PER_HOUR = 20;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) AUTH_ADDRESS_FAILURES_PER_DAY = 100;
  @IsOptional() @Validate(IsTrustProxy) TRUST_PROXY?: string;
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  OPEN_DATA_LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000) PUBLIC_RATE_LIMIT_PER_MINUTE = 300;
  @IsOptional() @IsString() @MinLength(32) METRICS_TOKEN?: string;
  @IsOptional() @Transform(toBool) @IsBoolean() METRICS_CITY_LABELS = false;
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 bytes in base64 (44 characters)' })
  PERSONAL_DATA_KEK?: string;
  @IsOptional() @IsString() @MinLength(32) TEMPLATE_SIGNING_KEY?: string;
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 bytes in base64 (44 characters)' })
  CONNECTION_CREDENTIALS_KEY?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(7 * 24 * 60) COLLECTION_PULL_EVERY_MINUTES = 15;

  @IsOptional() @IsEmail({ require_tld: false }) OPERATOR_EMAIL = 'operator@rights-ledger.local';
  @IsOptional() @IsString() @MinLength(12) OPERATOR_PASSWORD?: string;
  @IsOptional() @IsString() @MinLength(1) OPERATOR_NAME = 'Platform operator';

  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3_600) PROJECTION_SWEEP_SECONDS = 5;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(64) PROJECTION_CONCURRENCY = 4;

  @IsOptional() @IsUrl({ require_tld: false, protocols: ['smtp', 'smtps'] }) SMTP_URL?: string;
  @IsOptional() @IsString() @MinLength(3) MAIL_FROM = 'Rights Ledger <no-reply@rights-ledger.local>';
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'] }) APP_URL?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(3_600) REMINDER_SWEEP_SECONDS = 30;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(7 * 86_400) REMINDER_LATE_GRACE_SECONDS = 900;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(50) WEBHOOK_MAX_ATTEMPTS = 8;
  @IsOptional() @Transform(toInt) @IsInt() @Min(10) WEBHOOK_BACKOFF_MS = 10_000;
  @IsOptional() @Transform(toInt) @IsInt() @Min(10) NOTICE_BACKOFF_MS = 30_000;
  @IsOptional() @Transform(toInt) @IsInt() @Min(10) NOTICE_BACKOFF_MAX_MS = 900_000;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(24 * 30) NOTICE_MAX_AGE_HOURS = 72;
  @IsOptional() @Transform(toBool) @IsBoolean() WEBHOOK_ALLOW_PRIVATE = false;
  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(60_000) OUTBOUND_TIMEOUT_MS = 10_000;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000) IMPORT_MAX_ROWS = 200_000;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1_000) IMPORT_MAX_NEW_PERIODS = 50;
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) IMPORT_SYNC_MAX_BYTES = 256 * 1024;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000) DISCLOSURE_MIN_COUNT = 5;
  @IsOptional() @IsString() AUDIT_SIGNING_KEY?: string;
  @IsOptional() @IsString() AUDIT_SIGNING_KEY_FILE?: string;
  @IsOptional()
  @Matches(KEY_ID_PATTERN, { message: 'must be 1-64 letters, digits, . _ : or -' })
  AUDIT_SIGNING_KEY_ID?: string;
  @IsOptional() @IsString() AUDIT_RETIRED_PUBLIC_KEYS?: string;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) AUDIT_CHECKPOINT_EVERY_EVENTS = 1_000;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(7 * 24 * 60) AUDIT_CHECKPOINT_EVERY_MINUTES = 60;
  @IsOptional() @Transform(toBool) @IsBoolean() DEMO_SEED?: boolean;
}

type Problem = { variable: string; message: string };

// The signing key from the variable or the file (not both), parsed; the built-in key when neither is set.
function auditKeys(vars: EnvironmentVariables, problems: Problem[]) {
  const attempt = <T>(variable: string, work: () => T): T | undefined => {
    try {
      return work();
    } catch (error) {
      problems.push({ variable, message: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
  };
  if (vars.AUDIT_SIGNING_KEY !== undefined && vars.AUDIT_SIGNING_KEY_FILE !== undefined) {
    problems.push({ variable: 'AUDIT_SIGNING_KEY_FILE', message: 'set either it or AUDIT_SIGNING_KEY' });
  }
  const file = vars.AUDIT_SIGNING_KEY_FILE;
  const configured =
    vars.AUDIT_SIGNING_KEY ??
    (file === undefined ? undefined : attempt('AUDIT_SIGNING_KEY_FILE', () => readKeyFile(file)));
  const pem = configured === undefined ? undefined : normalisePem(configured);
  const variable = file === undefined ? 'AUDIT_SIGNING_KEY' : 'AUDIT_SIGNING_KEY_FILE';
  const signingKey = attempt(variable, () =>
    parseSigningKey(pem ?? DEV_AUDIT_SIGNING_KEY, vars.AUDIT_SIGNING_KEY_ID),
  );
  const retired = vars.AUDIT_RETIRED_PUBLIC_KEYS;
  const retiredKeys =
    retired === undefined ? [] : attempt('AUDIT_RETIRED_PUBLIC_KEYS', () => parseRetiredKeys(retired));
  return { pem, signingKey, retiredKeys };
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super('Invalid configuration:\n' + problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const vars = plainToInstance(EnvironmentVariables, defined);
  const problems = validateSync(vars, { skipMissingProperties: false }).map((e) => ({
    variable: e.property,
    message: Object.values(e.constraints ?? {}).join('; '),
  }));
  const production = vars.NODE_ENV === 'production';
  const audit = auditKeys(vars, problems);
  if (production) {
    problems.push(...productionSecretProblems({ ...vars, AUDIT_SIGNING_KEY: audit.pem }));
    // Would open the hosting network to whoever may register a webhook.
    if (vars.WEBHOOK_ALLOW_PRIVATE) {
      problems.push({ variable: 'WEBHOOK_ALLOW_PRIVATE', message: 'must not be true in production' });
    }
  }
  if (problems.length === 0 && vars.NOTICE_BACKOFF_MAX_MS < vars.NOTICE_BACKOFF_MS) {
    problems.push({ variable: 'NOTICE_BACKOFF_MAX_MS', message: 'must not be less than NOTICE_BACKOFF_MS' });
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    env: vars.NODE_ENV,
    port: vars.PORT,
    logLevel: vars.LOG_LEVEL,
    publicUrl: (vars.PUBLIC_URL ?? `http://localhost:${vars.PORT}`).replace(/\/+$/, ''),
    database: {
      url: vars.DATABASE_URL,
      ownerRole: vars.DB_OWNER_ROLE,
      ownerPassword: vars.DB_OWNER_PASSWORD ?? DEV_DB_OWNER_PASSWORD,
      ownerPasswordIsDefault: vars.DB_OWNER_PASSWORD === undefined,
      appRole: vars.DB_APP_ROLE,
      appPassword: vars.DB_APP_PASSWORD ?? DEV_DB_APP_PASSWORD,
      appPasswordIsDefault: vars.DB_APP_PASSWORD === undefined,
      poolSize: vars.DB_POOL_SIZE,
      statementTimeoutMs: vars.DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: vars.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      poolAcquireTimeoutMs: vars.DB_POOL_ACQUIRE_TIMEOUT_MS,
    },
    redis: { url: vars.REDIS_URL, queuePrefix: vars.QUEUE_PREFIX },
    auth: {
      accessTokenSecret: vars.JWT_ACCESS_SECRET ?? DEV_ACCESS_TOKEN_SECRET,
      accessTokenTtlSeconds: vars.JWT_ACCESS_TTL_SECONDS,
      refreshTokenTtlDays: vars.REFRESH_TOKEN_TTL_DAYS,
      invitationTtlHours: vars.INVITATION_TTL_HOURS,
      rateLimitPerMinute: vars.AUTH_RATE_LIMIT_PER_MINUTE,
      issuer: vars.JWT_ISSUER,
      audience: vars.JWT_AUDIENCE,
      passwordResetTtlMinutes: vars.PASSWORD_RESET_TTL_MINUTES,
      logAccountTokens: vars.LOG_ACCOUNT_TOKENS ?? false,
    },
    operator: {
      email: vars.OPERATOR_EMAIL.toLowerCase(),
      password: vars.OPERATOR_PASSWORD ?? DEV_OPERATOR_PASSWORD,
      name: vars.OPERATOR_NAME,
    },
    projections: {
      sweepSeconds: vars.PROJECTION_SWEEP_SECONDS,
      workerConcurrency: vars.PROJECTION_CONCURRENCY,
    },
    notifications: {
      smtpUrl: vars.SMTP_URL ?? null,
      mailFrom: vars.MAIL_FROM,
      appUrl: (vars.APP_URL ?? vars.PUBLIC_URL ?? `http://localhost:${vars.PORT}`).replace(/\/$/, ''),
      sweepSeconds: vars.REMINDER_SWEEP_SECONDS,
      lateGraceSeconds: vars.REMINDER_LATE_GRACE_SECONDS,
      webhookMaxAttempts: vars.WEBHOOK_MAX_ATTEMPTS,
      webhookBackoffMs: vars.WEBHOOK_BACKOFF_MS,
      noticeBackoffMs: vars.NOTICE_BACKOFF_MS,
      noticeBackoffMaxMs: vars.NOTICE_BACKOFF_MAX_MS,
      noticeMaxAgeHours: vars.NOTICE_MAX_AGE_HOURS,
    },
    outbound: {
      allowPrivate: vars.WEBHOOK_ALLOW_PRIVATE,
      httpsOnly: production,
      timeoutMs: vars.OUTBOUND_TIMEOUT_MS,
    },
    imports: {
      maxRows: vars.IMPORT_MAX_ROWS,
      maxNewPeriods: vars.IMPORT_MAX_NEW_PERIODS,
      syncMaxBytes: vars.IMPORT_SYNC_MAX_BYTES,
    },
    openData: { disclosureMinCount: vars.DISCLOSURE_MIN_COUNT },
    throttle: {
      consecutiveFailures: vars.AUTH_MAX_CONSECUTIVE_FAILURES,
      lockoutSeconds: vars.AUTH_LOCKOUT_MINUTES * 60,
      accountFailuresPerHour: vars.AUTH_ACCOUNT_FAILURES_PER_HOUR,
      addressFailuresPerDay: vars.AUTH_ADDRESS_FAILURES_PER_DAY,
    },
    // Validated above: never null here.
    http: { trustProxy: parseTrustProxy(vars.TRUST_PROXY) ?? false },
    publicReads: {
      licenceUrl: vars.OPEN_DATA_LICENCE_URL,
      rateLimitPerMinute: vars.PUBLIC_RATE_LIMIT_PER_MINUTE,
    },
    metrics: { token: vars.METRICS_TOKEN ?? null, cityLabels: vars.METRICS_CITY_LABELS },
    personalData: { kek: Buffer.from(vars.PERSONAL_DATA_KEK ?? DEV_PERSONAL_DATA_KEK, 'base64') },
    templates: { signingKey: vars.TEMPLATE_SIGNING_KEY ?? DEV_TEMPLATE_SIGNING_KEY },
    collection: {
      credentialsKey: Buffer.from(
        vars.CONNECTION_CREDENTIALS_KEY ?? DEV_CONNECTION_CREDENTIALS_KEY,
        'base64',
      ),
      pullEveryMinutes: vars.COLLECTION_PULL_EVERY_MINUTES,
    },
    audit: {
      // Validated above: never undefined here.
      signingKey: audit.signingKey as SigningKeyConfig,
      retiredKeys: audit.retiredKeys as PublicKeyConfig[],
      checkpointEveryEvents: vars.AUDIT_CHECKPOINT_EVERY_EVENTS,
      checkpointEveryMinutes: vars.AUDIT_CHECKPOINT_EVERY_MINUTES,
    },
    // The demo seed is on by default outside production so that the quick start shows a populated system.
    demoSeed: vars.DEMO_SEED ?? !production,
  };
}
