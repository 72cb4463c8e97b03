import { asCityId } from '@rl/kernel';
import {
  InMemoryWebhookDeliveries,
  InMemoryWebhookJobs,
} from '../../../testing/in-memory-webhook-deliveries';
import { RedeliverWebhookCommand } from './redeliver-webhook.command';
import { RedeliverWebhookHandler } from './redeliver-webhook.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const rome = asCityId('0192f0aa-0000-7000-8000-0000000000c2');
const id = '0192f0aa-0000-7000-8000-00000000d001';

const setUp = (delivery: Parameters<InMemoryWebhookDeliveries['given']>[1] = { id }) => {
  const deliveries = new InMemoryWebhookDeliveries().given(ghent, {
    status: 'dead',
    attempts: 8,
    lastError: 'http_503',
    ...delivery,
  });
  const jobs = new InMemoryWebhookJobs();
  jobs.kept.add(id);
  return { deliveries, jobs, handler: new RedeliverWebhookHandler(deliveries, jobs) };
};

describe('RedeliverWebhookHandler', () => {
  it('gives a dead delivery fresh attempts and wakes it once its last job is dropped', async () => {
    const { jobs, handler } = setUp();
    expect(await handler.execute(new RedeliverWebhookCommand(ghent, id))).toMatchObject({
      id,
      status: 'pending',
      attempts: 0,
      lastError: 'http_503',
    });
    expect(jobs.kept.size).toBe(0);
    expect(jobs.woken).toEqual([id]);
  });

  it('refuses a delivery that is not dead, one whose webhook was removed, and another city’s', async () => {
    const pending = setUp({ id, status: 'pending' });
    await expect(pending.handler.execute(new RedeliverWebhookCommand(ghent, id))).rejects.toMatchObject({
      code: 'WEBHOOK.DELIVERY_NOT_DEAD',
      message: 'Only dead deliveries are redelivered; this one is pending',
    });
    const removed = setUp({ id, active: false });
    await expect(removed.handler.execute(new RedeliverWebhookCommand(ghent, id))).rejects.toMatchObject({
      code: 'WEBHOOK.REMOVED',
    });
    const { jobs, handler } = setUp();
    await expect(handler.execute(new RedeliverWebhookCommand(rome, id))).rejects.toMatchObject({
      code: 'WEBHOOK.DELIVERY_NOT_FOUND',
    });
    expect(jobs.woken).toEqual([]);
  });

  it('asks to try again while the last attempt is still finishing, leaving the delivery dead', async () => {
    const { deliveries, jobs, handler } = setUp();
    jobs.kept.clear();
    await expect(handler.execute(new RedeliverWebhookCommand(ghent, id))).rejects.toMatchObject({
      code: 'WEBHOOK.DELIVERY_BUSY',
    });
    expect(deliveries.get(id)?.status).toBe('dead');
  });
});
