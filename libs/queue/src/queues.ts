// Every queue of the system. Names have no ':' so the prefix plus a hash tag keeps them Redis-Cluster safe.
export enum QueueName {
  Projections = 'projections',
  Reminders = 'reminders',
  Notifications = 'notifications',
  Comparisons = 'comparisons',
  Exports = 'exports',
  Maintenance = 'maintenance',
}

// Job name → payload. A job is a wake-up: its payload says where to look in PostgreSQL, never carries
// the only copy of work (Redis may lose everything).
export interface JobPayloads {
  'maintenance.purge-expired-credentials': Record<string, never>;
  // "This city's log has events the projection has not applied yet."
  'projections.catch-up': { cityId: string; projection: string };
}

export type JobName = keyof JobPayloads;

// Which queue carries which job.
export const JOB_QUEUE: Record<JobName, QueueName> = {
  'maintenance.purge-expired-credentials': QueueName.Maintenance,
  'projections.catch-up': QueueName.Projections,
};

export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 3_600, count: 1_000 },
  // Failed jobs stay for a week so operators can see their error.
  removeOnFail: { age: 7 * 86_400 },
} as const;
