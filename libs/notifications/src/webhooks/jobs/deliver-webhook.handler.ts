import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@rl/config';
import { asCityId } from '@rl/kernel';
import { OutboundHttp, OutboundResult } from '@rl/outbound';
import { HandlesJob, JobHandlerOf, JobPayloads } from '@rl/queue';
import { SIGNATURE_HEADER, signWebhook } from '../../domain/webhook-signature';
import { DueDelivery, WebhookDeliveries } from '../../persistence/webhook-deliveries.repository';
import { settleAttempt } from './webhook-attempt';

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
    private readonly deliveries: WebhookDeliveries,
    private readonly config: AppConfig,
    private readonly http: OutboundHttp,
  ) {}

  async handle({ cityId: city, deliveryId }: JobPayloads['notifications.webhook']): Promise<void> {
    const cityId = asCityId(city);
    const due = await this.deliveries.due(cityId, deliveryId);
    // The job can start before the transaction that recorded the delivery commits: retry shortly.
    if (!due) throw new Error(`Webhook delivery ${deliveryId} is not visible yet`);
    if (due.status !== 'pending') return;
    if (!due.active) {
      await this.deliveries.deadLetter(cityId, deliveryId, 'endpoint_removed');
      return;
    }

    const body = JSON.stringify({ id: deliveryId, ...due.payload });
    const result = await this.post(due, deliveryId, body);
    const outcome = settleAttempt(result, due.attempts, this.config.notifications.webhookMaxAttempts);
    // Compare-and-set on the attempt count: if the delivery changed meanwhile (a redelivery), this
    // attempt's outcome is not recorded over it.
    const settled = await this.deliveries.settle(cityId, deliveryId, due.attempts, outcome);
    if (!settled) return;
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

  // Through the guarded client: internal addresses are refused at connect time, redirects are not
  // followed, and nothing of the answer but its status is kept.
  private post(due: DueDelivery, deliveryId: string, body: string): Promise<OutboundResult> {
    return this.http.send({
      method: 'POST',
      url: due.url,
      body,
      maxBodyBytes: 0,
      headers: {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        [SIGNATURE_HEADER]: signWebhook(due.secret, body, Math.floor(Date.now() / 1_000)),
        'X-Rights-Ledger-Delivery': deliveryId,
        'X-Rights-Ledger-Event': due.event,
      },
    });
  }
}
