import { loadConfig } from '@rl/config';
import { asCityId } from '@rl/kernel';
import { HostResolver, OutboundHttp } from '@rl/outbound';
import { commandMetadata } from '@rl/web/testing';
import { MAX_ACTIVE_WEBHOOKS } from '../../../domain/webhook.decider';
import { InMemoryWebhookEndpoints } from '../../../testing/in-memory-webhook-endpoints';
import { RegisterWebhookCommand } from './register-webhook.command';
import { RegisterWebhookHandler } from './register-webhook.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
// Literal addresses: the guard decides without DNS.
const PUBLIC_URL = 'https://93.184.216.34/hooks/rl?token=secret';
const http = new OutboundHttp(loadConfig({}), new HostResolver());

const setUp = () => {
  const endpoints = new InMemoryWebhookEndpoints();
  return { endpoints, handler: new RegisterWebhookHandler(endpoints, http) };
};
const register = (url = PUBLIC_URL, idempotencyKey?: string) =>
  new RegisterWebhookCommand(
    ghent,
    { url, events: ['comment.posted', 'reminder.upcoming'] },
    commandMetadata({ idempotencyKey }),
  );

describe('RegisterWebhookHandler', () => {
  afterAll(() => http.onModuleDestroy());

  it('stores the endpoint with its secret and audits only the origin', async () => {
    const { endpoints, handler } = setUp();
    const created = await handler.execute(register());
    expect(created).toMatchObject({
      url: PUBLIC_URL,
      events: ['reminder.upcoming', 'comment.posted'],
      secret: expect.stringMatching(/^whsec_/),
      version: 1,
    });
    expect(endpoints.aggregates.eventsOf(ghent, `webhook-${created.id}`)).toEqual([
      {
        type: 'WebhookRegistered',
        data: {
          webhookId: created.id,
          origin: 'https://93.184.216.34',
          events: ['reminder.upcoming', 'comment.posted'],
        },
      },
    ]);
  });

  it('answers a retry under the same idempotency key with the first endpoint and secret', async () => {
    const { handler } = setUp();
    const first = await handler.execute(register(PUBLIC_URL, 'k1'));
    expect(await handler.execute(register(PUBLIC_URL, 'k1'))).toEqual(first);
  });

  it('refuses an internal address, naming the url', async () => {
    const { handler } = setUp();
    await expect(handler.execute(register('http://127.0.0.1:8080/hook'))).rejects.toMatchObject({
      code: 'WEBHOOK.URL_REFUSED',
      errors: [{ field: 'url' }],
    });
  });

  it('refuses one more active webhook than the cap, and stores nothing', async () => {
    const { endpoints, handler } = setUp();
    for (let i = 0; i < MAX_ACTIVE_WEBHOOKS; i++) await handler.execute(register());
    await expect(handler.execute(register())).rejects.toMatchObject({ code: 'WEBHOOK.LIMIT_REACHED' });
    expect(await endpoints.listActive(ghent)).toHaveLength(MAX_ACTIVE_WEBHOOKS);
  });
});
