// Every queue of the system. Names have no ':' so the prefix plus a hash tag keeps them Redis-Cluster safe.
export enum QueueName {
  Projections = 'projections',
  Reminders = 'reminders',
  Notifications = 'notifications',
  Comparisons = 'comparisons',
  Exports = 'exports',
  Imports = 'imports',
  Maintenance = 'maintenance',
}

// Job name → payload. A job is a wake-up: its payload says where to look in PostgreSQL, never carries
// the only copy of work (Redis may lose everything).
export interface JobPayloads {
  'maintenance.purge-expired-credentials': Record<string, never>;
  // "This city's log has events the projection has not applied yet."
  'projections.catch-up': { cityId: string; projection: string };
  // "This reminder may be due": the handler checks its row and the assignment's state first.
  'reminders.fire': { cityId: string; reminderId: string };
  // "This mandate may be expiring": the handler decides from its stream whether a notice is owed.
  'mandates.expiring': { cityId: string; mandateId: string };
  // "This notice may be due for sending" (an e-mail, or a digest of them).
  'notifications.deliver': { cityId: string; noticeId: string };
  // "This account e-mail (invitation, password reset) is pending": sent at once.
  'notifications.account-email': { emailId: string };
  // "This webhook delivery is pending"; retried with backoff, dead-lettered in PostgreSQL.
  'notifications.webhook': { cityId: string; deliveryId: string };
  // "A framework code's published data changed": recompute its comparison across cities (no city: it
  // reads only what every city published).
  'comparisons.recompute': { framework: string; code: string };
  // "This uploaded import is queued": the file and its state are in the imports table.
  'imports.run': { cityId: string; importId: string };
  // "This collection connection has queued runs (or a scheduled pull is due)": its runs are in PostgreSQL.
  'collection.pull': { cityId: string; connectionId: string; scheduled?: boolean };
  // "This city's head may be due for a signed checkpoint": the handler checks how far it moved.
  'audit.checkpoint': { cityId: string };
  // "This report is queued for generation": the handler reads its request from the report's stream.
  'reports.generate': { cityId: string; reportId: string };
}

export type JobName = keyof JobPayloads;

// Which queue carries which job.
export const JOB_QUEUE: Record<JobName, QueueName> = {
  'maintenance.purge-expired-credentials': QueueName.Maintenance,
  'projections.catch-up': QueueName.Projections,
  'reminders.fire': QueueName.Reminders,
  'mandates.expiring': QueueName.Reminders,
  'notifications.deliver': QueueName.Notifications,
  'notifications.webhook': QueueName.Notifications,
  'notifications.account-email': QueueName.Notifications,
  'comparisons.recompute': QueueName.Comparisons,
  'imports.run': QueueName.Imports,
  'collection.pull': QueueName.Imports,
  'audit.checkpoint': QueueName.Maintenance,
  'reports.generate': QueueName.Exports,
};

export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 3_600, count: 1_000 },
  // Failed jobs stay for a week so operators can see their error.
  removeOnFail: { age: 7 * 86_400 },
} as const;
