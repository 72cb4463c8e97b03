import { AppConfig } from '@rl/config';
import { asCityId } from '@rl/kernel';
import { InMemoryMandateExpiryNotices } from '../testing/in-memory-mandate-expiry';
import { MandateExpiryHandler, MandateExpirySweep } from './mandate-expiry.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const padua = asCityId('0192f0aa-0000-7000-8000-0000000000c2');
const config = { notifications: { appUrl: 'https://app.example.org' } } as AppConfig;

describe('MandateExpiryHandler and MandateExpirySweep', () => {
  it('records the owed notice of the mandate the job names, once', async () => {
    const notices = new InMemoryMandateExpiryNotices();
    notices.pending.push({ cityId: ghent, mandateId: 'm1' }, { cityId: ghent, mandateId: 'm2' });
    const handler = new MandateExpiryHandler(notices, config);
    await handler.handle({ cityId: ghent, mandateId: 'm1' });
    await handler.handle({ cityId: ghent, mandateId: 'm1' });
    expect(notices.recorded).toEqual([`${ghent}/m1`]);
  });

  it('decides every notice owed in every city, and finds nothing left the next time', async () => {
    const notices = new InMemoryMandateExpiryNotices();
    notices.pending.push({ cityId: ghent, mandateId: 'm1' }, { cityId: padua, mandateId: 'm9' });
    const sweep = new MandateExpirySweep(notices, new MandateExpiryHandler(notices, config));
    expect(await sweep.sweep()).toBe(2);
    expect(notices.recorded).toEqual([`${ghent}/m1`, `${padua}/m9`]);
    expect(await sweep.sweep()).toBe(0);
  });
});
