import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@rl/config';
import { asCityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { HandlesJob, JobHandlerOf, JobPayloads } from '@rl/queue';
import { SIGNATURE_HEADER, signWebhook } from '../../domain/webhook-signature';
import { WebhookDeliveryStatus } from '../../persistence/webhook.entity';
import { AttemptResult, isSuccess, settleAttempt } from './webhook-attempt';

interface DueDelivery {
  status: WebhookDeliveryStatus;
  attempts: number;
  event: string;
  payload: Record<string, unknown>;
  url: string;
  secret: string;
  active: boolean;
}

const TIMEOUT_MS = 10_000;
// Enough of an error response to explain it; the rest is not read.
const ERROR_BODY_BYTES = 4_096;
const USER_AGENT = 'RightsLedger-Webhooks/1';

// Delivers one webhook: reads the delivery, POSTs it signed (outside any transaction: a slow receiver
// must not hold a database connection), then records the outcome. A failure throws so the queue retries
// with exponential backoff, until the last allowed attempt, which dead-letters the delivery instead.
// At least once: a worker that dies between the receiver's answer and the update sends it again, under
// the same delivery id (receivers deduplicate on X-Rights-Ledger-Delivery).
@Injectable()
@HandlesJob('notifications.webhook')
export class DeliverWebhookHandler implements JobHandlerOf<'notifications.webhook'> {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly db: TenantDb,
    private readonly config: AppConfig,
  ) {}

  async handle({ cityId: city, deliveryId }: JobPayloads['notifications.webhook']): Promise<void> {
    const cityId = asCityId(city);
    const due = await this.db.inCity(cityId, async (em) => {
      const [row] = await em.query<DueDelivery[]>(
        `SELECT d.status, d.attempts, d.event, d.payload, e.url, e.secret, e.active
           FROM webhook_deliveries d
           JOIN webhook_endpoints e ON e.tenant_id = d.tenant_id AND e.id = d.endpoint_id
          WHERE d.tenant_id = $1 AND d.id = $2`,
        [cityId, deliveryId],
      );
      // The job can start before the transaction that recorded the delivery commits: retry shortly.
      if (!row) throw new Error(`Webhook delivery ${deliveryId} is not visible yet`);
      if (row.status !== 'pending') return null;
      if (!row.active) {
        await em.query(
          `UPDATE webhook_deliveries SET status = 'dead', last_error = 'endpoint removed'
            WHERE tenant_id = $1 AND id = $2 AND status = 'pending'`,
          [cityId, deliveryId],
        );
        return null;
      }
      return row;
    });
    if (!due) return;

    const body = JSON.stringify({ id: deliveryId, ...due.payload });
    const result = await this.post(due, deliveryId, body);
    const outcome = settleAttempt(result, due.attempts, this.config.notifications.webhookMaxAttempts);
    // Compare-and-set on the attempt count: if the delivery changed meanwhile (a redelivery), this
    // attempt's outcome is not recorded over it.
    const [, settled] = await this.db.inCity(cityId, (em) =>
      em.query<[unknown[], number]>(
        `UPDATE webhook_deliveries
            SET status = $3::webhook_delivery_status, attempts = $4, last_error = coalesce($5, last_error),
                response_status = $6,
                delivered_at = CASE WHEN $3::webhook_delivery_status = 'delivered' THEN now() END
          WHERE tenant_id = $1 AND id = $2 AND status = 'pending' AND attempts = $7`,
        [
          cityId,
          deliveryId,
          outcome.status,
          outcome.attempts,
          outcome.lastError,
          outcome.responseStatus,
          due.attempts,
        ],
      ),
    );
    if (settled === 0) return;
    if (outcome.status === 'dead') {
      this.logger.warn(
        { cityId, deliveryId, attempts: outcome.attempts, error: outcome.lastError },
        'Webhook delivery dead-lettered',
      );
    }
    if (outcome.retry) {
      throw new Error(
        `Webhook delivery ${deliveryId} failed (attempt ${outcome.attempts}): ${outcome.lastError}`,
      );
    }
  }

  private async post(due: DueDelivery, deliveryId: string, body: string): Promise<AttemptResult> {
    try {
      const response = await fetch(due.url, {
        method: 'POST',
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: {
          'content-type': 'application/json',
          'user-agent': USER_AGENT,
          [SIGNATURE_HEADER]: signWebhook(due.secret, body, Math.floor(Date.now() / 1_000)),
          'X-Rights-Ledger-Delivery': deliveryId,
          'X-Rights-Ledger-Event': due.event,
        },
      });
      if (isSuccess(response.status)) {
        await response.body?.cancel();
        return { kind: 'response', status: response.status, bodyStart: '' };
      }
      return {
        kind: 'response',
        status: response.status,
        bodyStart: await readStart(response, ERROR_BODY_BYTES),
      };
    } catch (error) {
      return { kind: 'network', message: networkError(error) };
    }
  }
}

async function readStart(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // A body cut short still tells what it began with.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, maxBytes));
}

function networkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 500);
  if (error.name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1_000} s`;
  // fetch reports "fetch failed" and keeps the reason (ECONNREFUSED, a TLS error…) as its cause.
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`.slice(0, 500);
}
