import { QueryFailedError } from 'typeorm';
import { DomainError } from '@rl/kernel';

// PostgreSQL's unique_violation, optionally for one named constraint.
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}

// pg-pool's errors when no connection could be had within connectionTimeoutMillis (pool exhausted, or the
// server too slow to accept a new one).
const ACQUIRE_TIMEOUTS = [
  'timeout exceeded when trying to connect',
  'Connection terminated due to connection timeout',
];

export function isPoolAcquireTimeout(error: unknown): boolean {
  return error instanceof Error && ACQUIRE_TIMEOUTS.includes(error.message);
}

export const databaseBusy = () =>
  new DomainError(
    'unavailable',
    'DATABASE.BUSY',
    'The database has no free connection right now; retry shortly',
    [],
    { retryAfterSeconds: 1 },
  );
