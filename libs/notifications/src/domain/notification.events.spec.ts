import { webhookRegisteredV2 } from './notification.events';

describe('WebhookRegistered v1 → v2', () => {
  it('keeps only the origin of the recorded URL: no path, query or user info', () => {
    expect(
      webhookRegisteredV2({
        webhookId: 'w1',
        url: 'https://user:pw@hooks.example.org:8443/T0/B1/secret-token?key=abc',
        events: ['comment.posted'],
      }),
    ).toEqual({ webhookId: 'w1', origin: 'https://hooks.example.org:8443', events: ['comment.posted'] });
  });
});
