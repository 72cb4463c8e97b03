import { WebhookDeliveryStatus } from '../../persistence/webhook.entity';

// What one HTTP attempt came to: a response (any status) or no response at all.
export type AttemptResult =
  { kind: 'response'; status: number; bodyStart: string } | { kind: 'network'; message: string };

export interface Settlement {
  status: WebhookDeliveryStatus;
  attempts: number;
  // Null on success: the error of an earlier attempt is kept for the record.
  lastError: string | null;
  responseStatus: number | null;
  // Whether the job should fail so that the queue retries it with backoff.
  retry: boolean;
}

const ERROR_BODY_CHARS = 500;

// Only 2xx counts: redirects are not followed (the registered URL is the one that was agreed).
export const isSuccess = (status: number) => status >= 200 && status < 300;

export function describeFailure(result: AttemptResult): string {
  if (result.kind === 'network') return result.message;
  const body = result.bodyStart.slice(0, ERROR_BODY_CHARS).trim();
  return body === '' ? `HTTP ${result.status}` : `HTTP ${result.status}: ${body}`;
}

// The delivery after one more attempt; dead (the dead-letter list) once `maxAttempts` have failed.
export function settleAttempt(
  result: AttemptResult,
  attemptsBefore: number,
  maxAttempts: number,
): Settlement {
  const attempts = attemptsBefore + 1;
  const responseStatus = result.kind === 'response' ? result.status : null;
  if (result.kind === 'response' && isSuccess(result.status)) {
    return { status: 'delivered', attempts, lastError: null, responseStatus, retry: false };
  }
  const dead = attempts >= maxAttempts;
  return {
    status: dead ? 'dead' : 'pending',
    attempts,
    lastError: describeFailure(result),
    responseStatus,
    retry: !dead,
  };
}
