import { loadConfig } from '@rl/config';
import { asCityId } from '@rl/kernel';
import { HostResolver, OutboundHttp, OutboundRequest, OutboundResult } from '@rl/outbound';
import { InMemoryWebhookDeliveries } from '../../testing/in-memory-webhook-deliveries';
import { DeliverWebhookHandler } from './deliver-webhook.handler';

const ghent = '0192f0aa-0000-7000-8000-0000000000c1';
const deliveryId = '0192f0aa-0000-7000-8000-00000000d001';
const config = loadConfig({ WEBHOOK_MAX_ATTEMPTS: '2' });

// The guarded client answering what the test says, recording what it was asked to send.
class ScriptedHttp extends OutboundHttp {
  readonly sent: OutboundRequest[] = [];
  answer: OutboundResult = { kind: 'response', status: 204, body: Buffer.alloc(0) };

  constructor() {
    super(config, new HostResolver());
  }

  override send(request: OutboundRequest): Promise<OutboundResult> {
    this.sent.push(request);
    return Promise.resolve(this.answer);
  }
}

const http = new ScriptedHttp();
afterAll(() => http.onModuleDestroy());

const setUp = (delivery: Parameters<InMemoryWebhookDeliveries['given']>[1] = { id: deliveryId }) => {
  http.sent.length = 0;
  http.answer = { kind: 'response', status: 204, body: Buffer.alloc(0) };
  const deliveries = new InMemoryWebhookDeliveries().given(asCityId(ghent), delivery);
  return { deliveries, handler: new DeliverWebhookHandler(deliveries, config, http) };
};
const job = { cityId: ghent, deliveryId };

describe('DeliverWebhookHandler', () => {
  it('POSTs the payload signed, under the delivery id, and marks it delivered', async () => {
    const { deliveries, handler } = setUp();
    await handler.handle(job);
    expect(http.sent).toHaveLength(1);
    expect(JSON.parse(http.sent[0].body ?? '')).toEqual({ id: deliveryId, event: 'comment.posted' });
    expect(http.sent[0].headers).toMatchObject({
      'X-Rights-Ledger-Delivery': deliveryId,
      'X-Rights-Ledger-Signature': expect.stringMatching(/^t=\d+,v1=[0-9a-f]{64}$/),
    });
    expect(deliveries.get(deliveryId)).toMatchObject({
      status: 'delivered',
      attempts: 1,
      responseStatus: 204,
    });
  });

  it('fails the job for a retry while attempts remain, then dead-letters without failing', async () => {
    const { deliveries, handler } = setUp();
    http.answer = { kind: 'failed', failure: 'timeout' };
    await expect(handler.handle(job)).rejects.toThrow('attempt 1');
    expect(deliveries.get(deliveryId)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'timeout',
    });
    await handler.handle(job);
    expect(deliveries.get(deliveryId)).toMatchObject({ status: 'dead', attempts: 2 });
  });

  it('sends nothing for a delivery already settled, and dead-letters one whose endpoint was removed', async () => {
    const settled = setUp({ id: deliveryId, status: 'delivered' });
    await settled.handler.handle(job);
    expect(http.sent).toHaveLength(0);
    const removed = setUp({ id: deliveryId, active: false });
    await removed.handler.handle(job);
    expect(http.sent).toHaveLength(0);
    expect(removed.deliveries.get(deliveryId)).toMatchObject({
      status: 'dead',
      lastError: 'endpoint_removed',
    });
  });

  it('retries a delivery not visible yet (its transaction may not have committed)', async () => {
    const { handler } = setUp();
    await expect(
      handler.handle({ ...job, deliveryId: '0192f0aa-0000-7000-8000-00000000d002' }),
    ).rejects.toThrow('not visible yet');
  });
});
