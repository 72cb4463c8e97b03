import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { OutboundHttp } from '@rl/outbound';
import { webhookStream } from '../../../domain/notification.events';
import { RequestErrors, WebhookErrors } from '../../../domain/notifications.errors';
import { subscribedKinds, webhookDecider } from '../../../domain/webhook.decider';
import { newWebhookSecret } from '../../../domain/webhook-signature';
import { WebhookEndpoints } from '../../../persistence/webhook-endpoints.repository';
import { CreatedWebhookView } from '../../webhook.view';
import { RegisterWebhookCommand } from './register-webhook.command';

const STREAM_PREFIX = webhookStream('');

@CommandHandler(RegisterWebhookCommand)
export class RegisterWebhookHandler implements ICommandHandler<RegisterWebhookCommand, CreatedWebhookView> {
  constructor(
    private readonly endpoints: WebhookEndpoints,
    private readonly http: OutboundHttp,
  ) {}

  async execute({ cityId, input, metadata }: RegisterWebhookCommand): Promise<CreatedWebhookView> {
    // Tells the coordinator at once; deliveries are guarded again at connect time (DNS may change).
    const refusal = await this.http.refusal(input.url);
    if (refusal !== null) {
      throw WebhookErrors.URL_REFUSED({
        message: `The webhook url ${refusal}`,
        errors: [{ field: 'url', message: refusal }],
      });
    }
    const webhookId = uuidv7();
    // The endpoint row (with its secret) and the audited event (without it) commit together.
    const result = await this.endpoints.change(cityId, metadata, async (writes) => {
      await writes.lockRegistrations();
      const activeWebhooks = await writes.countActive();
      const { url, events } = input;
      const appended = await writes.handle(
        webhookDecider,
        webhookStream(webhookId),
        { type: 'RegisterWebhook', webhookId, url, events, activeWebhooks },
        { expected: 0, metadata },
      );
      await writes.insert({
        id: webhookId,
        url,
        secret: newWebhookSecret(),
        events: subscribedKinds(events),
      });
      return appended;
    });
    // A retry with the same Idempotency-Key gets the first endpoint (and its secret) back.
    const id = result.streamId.startsWith(STREAM_PREFIX) ? result.streamId.slice(STREAM_PREFIX.length) : '';
    const row = id === '' ? undefined : await this.endpoints.find(cityId, id);
    if (!row) {
      throw RequestErrors.IDEMPOTENCY_KEY_REUSED({
        errors: [{ field: 'Idempotency-Key', message: 'was used for a different request' }],
      });
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
