import { PublicKeyConfig, SigningKeyConfig } from './signing-key';
import { TrustProxy } from './trust-proxy';

export type RuntimeEnv = 'development' | 'test' | 'production';

// The one typed configuration object; built once from the environment by loadConfig().
export abstract class AppConfig {
  abstract readonly env: RuntimeEnv;
  abstract readonly port: number;
  abstract readonly logLevel: string;
  abstract readonly publicUrl: string;
  abstract readonly database: {
    // Server, database name and the administrative account used to bootstrap roles and the database.
    readonly url: string;
    readonly ownerRole: string;
    readonly ownerPassword: string;
    // True when no password was configured: the bootstrap then never changes an existing role's password.
    readonly ownerPasswordIsDefault: boolean;
    readonly appRole: string;
    readonly appPassword: string;
    readonly appPasswordIsDefault: boolean;
    readonly poolSize: number;
    readonly statementTimeoutMs: number;
    readonly idleInTransactionTimeoutMs: number;
    // How long a request waits for a pooled connection before a 503 (DATABASE.BUSY), instead of hanging.
    readonly poolAcquireTimeoutMs: number;
  };
  abstract readonly redis: {
    readonly url: string;
    // Key prefix of every BullMQ queue: lets several deployments or test workers share one Redis.
    readonly queuePrefix: string;
  };
  abstract readonly auth: {
    readonly accessTokenSecret: string;
    readonly accessTokenTtlSeconds: number;
    readonly refreshTokenTtlDays: number;
    readonly invitationTtlHours: number;
    readonly rateLimitPerMinute: number;
    // Pinned on sign and verify, with HS256.
    readonly issuer: string;
    readonly audience: string;
    readonly passwordResetTtlMinutes: number;
    // Development only: also print invitation and reset tokens to the log.
    readonly logAccountTokens: boolean;
  };
  abstract readonly operator: {
    readonly email: string;
    readonly password: string;
    readonly name: string;
  };
  abstract readonly projections: {
    // How often the sweep re-wakes projections behind their city's head (after a Redis data loss).
    readonly sweepSeconds: number;
    readonly workerConcurrency: number;
  };
  abstract readonly notifications: {
    // Outgoing mail server; null = e-mails are written to the log (the quick start has no mail server).
    readonly smtpUrl: string | null;
    readonly mailFrom: string;
    // Base of the links in e-mails and calendar events (the city front-end).
    readonly appUrl: string;
    // How often the reconciler re-enqueues due reminders and notices that Redis lost.
    readonly sweepSeconds: number;
    // Reminders scheduled after their deadline (an assignment made late, a deadline moved into the past)
    // wait this long after the event that scheduled them: time to submit before anyone is told it is late.
    readonly lateGraceSeconds: number;
    readonly webhookMaxAttempts: number;
    readonly webhookBackoffMs: number;
    // A failed e-mail (notice, digest, account e-mail) is retried after noticeBackoffMs, doubling up to
    // noticeBackoffMaxMs, until it is noticeMaxAgeHours past due: then it is marked failed.
    readonly noticeBackoffMs: number;
    readonly noticeBackoffMaxMs: number;
    readonly noticeMaxAgeHours: number;
  };
  // The guarded HTTP client of webhooks and every other outbound call (libs/outbound).
  abstract readonly outbound: {
    // Private, loopback and link-local targets allowed (development, tests' local receivers).
    readonly allowPrivate: boolean;
    readonly httpsOnly: boolean;
    // Connect, response headers and body idle time each; the whole request gets twice this.
    readonly timeoutMs: number;
  };
  abstract readonly imports: {
    // Data rows one file may hold; past it the import is refused before anything is written.
    readonly maxRows: number;
    // Periods one import may create.
    readonly maxNewPeriods: number;
    // Files up to this size are imported during the request (201); larger ones by the worker (202).
    readonly syncMaxBytes: number;
  };
  // Public outputs of validated data (libs/open-data).
  abstract readonly openData: {
    // Small-number rule of count indicators that have none of their own: counts above 0 and below it are hidden.
    readonly disclosureMinCount: number;
  };
  // Failed credential checks (login, refresh, reset, invitations, Basic auth); requests per minute and
  // address are auth.rateLimitPerMinute.
  abstract readonly throttle: {
    // Consecutive failures of one account from one address before that pair waits lockoutSeconds.
    readonly consecutiveFailures: number;
    readonly lockoutSeconds: number;
    // Failures of one account from addresses it never signed in from (so they cannot lock it out).
    readonly accountFailuresPerHour: number;
    readonly addressFailuresPerDay: number;
  };
  abstract readonly http: {
    // Whose X-Forwarded-For is believed for the client address (throttles, logs).
    readonly trustProxy: TrustProxy;
  };
  // Every /v1/public, /cities and /embed answer: the licence its Link header names, and the requests per
  // minute and client address (signed in or not) before 429.
  abstract readonly publicReads: {
    readonly licenceUrl: string;
    readonly rateLimitPerMinute: number;
  };
  abstract readonly metrics: {
    // Bearer token required by /metrics; null = open (never in production).
    readonly token: string | null;
    // Whether metrics may carry city slugs as labels.
    readonly cityLabels: boolean;
  };
  // Personal fields of events are encrypted per person (crypto-shredding); their keys are stored wrapped
  // with this key-encryption key (AES-256-GCM), so a database dump alone reveals no personal text.
  abstract readonly personalData: {
    readonly kek: Buffer;
  };
  // HMAC key of the metadata sheet of spreadsheet templates: an upload proves what it was made for.
  abstract readonly templates: {
    readonly signingKey: string;
  };
  // Connections to ODK Central and KoboToolbox (libs/collection): their credentials are stored encrypted
  // with this key (AES-256-GCM); scheduled pulls run every pullEveryMinutes (0: on demand and push only).
  abstract readonly collection: {
    readonly credentialsKey: Buffer;
    readonly pullEveryMinutes: number;
  };
  // Signed checkpoints of each city's head (evidence outside the database).
  abstract readonly audit: {
    readonly signingKey: SigningKeyConfig;
    // Keys signed with before a rotation: their checkpoints still verify.
    readonly retiredKeys: readonly PublicKeyConfig[];
    // The worker signs a city's head once it moved this many events, or this long after the last
    // checkpoint if it moved at all.
    readonly checkpointEveryEvents: number;
    readonly checkpointEveryMinutes: number;
  };
  abstract readonly demoSeed: boolean;
}
