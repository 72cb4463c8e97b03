import { OutboundResult } from '@rl/outbound';
import { WebhookDeliveryStatus } from '../../persistence/webhook.entity';

export interface Settlement {
  status: WebhookDeliveryStatus;
  attempts: number;
  // Null on success: the error of an earlier attempt is kept for the record.
  lastError: string | null;
  responseStatus: number | null;
  // Whether the job should fail so that the queue retries it with backoff.
  retry: boolean;
}

// Only 2xx counts: redirects are not followed (the registered URL is the one that was agreed).
export const isSuccess = (status: number) => status >= 200 && status < 300;

// A category only (http_<status>, timeout, refused, blocked_address…): neither the receiver's body nor a
// low-level message, which would make the delivery log a probe of whatever the URL points to.
export function describeFailure(result: OutboundResult): string {
  return result.kind === 'failed' ? result.failure : `http_${result.status}`;
}

// The delivery after one more attempt; dead (the dead-letter list) once `maxAttempts` have failed.
export function settleAttempt(
  result: OutboundResult,
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
