import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { InMemoryWebhookEndpoints } from '../../../testing/in-memory-webhook-endpoints';
import { RemoveWebhookCommand } from './remove-webhook.command';
import { RemoveWebhookHandler } from './remove-webhook.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const rome = asCityId('0192f0aa-0000-7000-8000-0000000000c2');
const id = '0192f0aa-0000-7000-8000-00000000e001';
const stream = `webhook-${id}`;

const setUp = () => {
  const endpoints = new InMemoryWebhookEndpoints().given(ghent, {
    id,
    url: 'https://hooks.example.org/rl',
    secret: 'whsec_x',
    events: [],
    active: true,
    createdAt: new Date(),
  });
  endpoints.aggregates.given(ghent, stream, [
    { type: 'WebhookRegistered', data: { webhookId: id, origin: 'https://hooks.example.org', events: [] } },
  ]);
  return { endpoints, handler: new RemoveWebhookHandler(endpoints) };
};
const remove = (cityId = ghent) => new RemoveWebhookCommand(cityId, id, commandMetadata());

describe('RemoveWebhookHandler', () => {
  it('deactivates the endpoint and records its removal', async () => {
    const { endpoints, handler } = setUp();
    expect(await handler.execute(remove())).toEqual({ version: 2, position: 2 });
    expect(await endpoints.listActive(ghent)).toEqual([]);
    expect(endpoints.aggregates.eventsOf(ghent, stream)[1]).toEqual({
      type: 'WebhookRemoved',
      data: { webhookId: id },
    });
  });

  it('says not found once removed, and for another city’s webhook, leaving it active', async () => {
    const { endpoints, handler } = setUp();
    await expect(handler.execute(remove(rome))).rejects.toMatchObject({ code: 'WEBHOOK.NOT_FOUND' });
    expect(await endpoints.listActive(ghent)).toHaveLength(1);
    await handler.execute(remove());
    await expect(handler.execute(remove())).rejects.toMatchObject({ code: 'WEBHOOK.NOT_FOUND' });
  });
});
