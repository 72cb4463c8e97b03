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
    readonly appRole: string;
    readonly appPassword: string;
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
    readonly webhookMaxAttempts: number;
    readonly webhookBackoffMs: number;
  };
  abstract readonly demoSeed: boolean;
}
