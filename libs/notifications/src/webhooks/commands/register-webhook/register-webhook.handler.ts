import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { EventStore } from '@rl/event-store';
import { DomainError } from '@rl/kernel';
import { OutboundHttp } from '@rl/outbound';
import { TenantDb } from '@rl/persistence';
import { NotificationEvent, webhookStream } from '../../../domain/notification.events';
import { NOTICE_KINDS } from '../../../domain/notice';
import { newWebhookSecret } from '../../../domain/webhook-signature';
import { findEndpoint, MAX_ACTIVE_WEBHOOKS } from '../../webhook-rows';
import { CreatedWebhookView } from '../../webhook.view';
import { RegisterWebhookCommand } from './register-webhook.command';

const STREAM_PREFIX = webhookStream('');

@CommandHandler(RegisterWebhookCommand)
export class RegisterWebhookHandler implements ICommandHandler<RegisterWebhookCommand, CreatedWebhookView> {
  constructor(
    private readonly events: EventStore,
    private readonly db: TenantDb,
    private readonly http: OutboundHttp,
  ) {}

  async execute({ cityId, input, metadata }: RegisterWebhookCommand): Promise<CreatedWebhookView> {
    // Tells the coordinator at once; deliveries are guarded again at connect time (DNS may change).
    const refusal = await this.http.refusal(input.url);
    if (refusal !== null) {
      throw new DomainError('invalid', 'WEBHOOK.URL_REFUSED', `The webhook url ${refusal}`, [
        { field: 'url', message: refusal },
      ]);
    }
    const webhookId = uuidv7();
    // Canonical order, so that equal subscriptions read the same in the list and the log.
    const events = NOTICE_KINDS.filter((kind) => input.events?.includes(kind));
    const registered: NotificationEvent = {
      type: 'WebhookRegistered',
      data: { webhookId, origin: new URL(input.url).origin, events },
    };
    // The endpoint row (with its secret) and the audited event (without it) commit together.
    const result = await this.events.idempotent(cityId, metadata, () =>
      this.events.transact(cityId, async (tx) => {
        // Serialises the city's registrations so that the cap holds under concurrent requests.
        await tx.em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`webhooks:${cityId}`]);
        const [{ active }] = await tx.em.query<{ active: number }[]>(
          `SELECT count(*)::int AS active FROM webhook_endpoints WHERE tenant_id = $1 AND active`,
          [cityId],
        );
        if (active >= MAX_ACTIVE_WEBHOOKS) {
          throw new DomainError(
            'invalid',
            'WEBHOOK.LIMIT_REACHED',
            `A city has at most ${MAX_ACTIVE_WEBHOOKS} active webhooks; remove one first`,
          );
        }
        await tx.em.query(
          `INSERT INTO webhook_endpoints (tenant_id, id, url, secret, events, active)
           VALUES ($1, $2, $3, $4, $5, true)`,
          [cityId, webhookId, input.url, newWebhookSecret(), events],
        );
        return tx.append(webhookStream(webhookId), 0, [registered], metadata);
      }),
    );
    // A retry with the same Idempotency-Key gets the first endpoint (and its secret) back.
    const id = result.streamId.startsWith(STREAM_PREFIX) ? result.streamId.slice(STREAM_PREFIX.length) : '';
    const row = id === '' ? undefined : await this.db.inCity(cityId, (em) => findEndpoint(em, cityId, id));
    if (!row) {
      throw new DomainError(
        'conflict',
        'REQUEST.IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for another request',
        [{ field: 'Idempotency-Key', message: 'was used for a different request' }],
      );
    }
    return {
      id: row.id,
      url: row.url,
      events: row.events,
      secret: row.secret,
      createdAt: new Date(row.createdAt).toISOString(),
      version: result.version,
      position: result.position,
    };
  }
}
