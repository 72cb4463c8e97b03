import { DeciderSpecification } from '@rl/kernel/testing';
import { WebhookEvent } from './notification.events';
import { MAX_ACTIVE_WEBHOOKS, webhookDecider } from './webhook.decider';

const spec = DeciderSpecification.for(webhookDecider);
const webhookId = '0192f0aa-0000-7000-8000-0000000000w1';
const registered: WebhookEvent = {
  type: 'WebhookRegistered',
  data: { webhookId, origin: 'https://hooks.example.org', events: [] },
};
const removed: WebhookEvent = { type: 'WebhookRemoved', data: { webhookId } };
const register = (activeWebhooks: number, events?: ('comment.posted' | 'reminder.upcoming')[]) =>
  ({
    type: 'RegisterWebhook',
    webhookId,
    url: 'https://hooks.example.org/rl?token=secret',
    events,
    activeWebhooks,
  }) as const;

describe('webhook decider', () => {
  it('records only the origin of the url, and the kinds in their canonical order', () => {
    spec
      .given([])
      .when(register(0, ['comment.posted', 'reminder.upcoming']))
      .then([
        {
          type: 'WebhookRegistered',
          data: {
            webhookId,
            origin: 'https://hooks.example.org',
            events: ['reminder.upcoming', 'comment.posted'],
          },
        },
      ]);
  });

  it('refuses a registration over the cap of active webhooks', () => {
    spec.given([]).when(register(MAX_ACTIVE_WEBHOOKS)).thenThrows('WEBHOOK.LIMIT_REACHED');
  });

  it('removes an active webhook', () => {
    spec.given([registered]).when({ type: 'RemoveWebhook', webhookId }).then([removed]);
  });

  it('says not found for a webhook never registered or already removed', () => {
    spec.given([]).when({ type: 'RemoveWebhook', webhookId }).thenThrows('WEBHOOK.NOT_FOUND');
    spec
      .given([registered, removed])
      .when({ type: 'RemoveWebhook', webhookId })
      .thenThrows('WEBHOOK.NOT_FOUND');
  });
});
