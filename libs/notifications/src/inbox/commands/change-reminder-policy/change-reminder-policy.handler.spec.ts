import { InMemoryAggregates } from '@rl/event-store/testing';
import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { ReminderPolicy } from '../../../domain/reminder-policy';
import { ChangeReminderPolicyCommand } from './change-reminder-policy.command';
import { ChangeReminderPolicyHandler } from './change-reminder-policy.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const stream = `reminder-policy-${ghent}`;
const first: ReminderPolicy = { offsets: [{ offset: '-P3D' }], quietHours: null };
const second: ReminderPolicy = {
  offsets: [{ offset: '-P1D' }],
  quietHours: { start: '22:00', end: '06:00' },
};

const setUp = () => {
  const aggregates = new InMemoryAggregates().given(ghent, stream, [
    { type: 'ReminderPolicyChanged', data: first },
  ]);
  return { aggregates, handler: new ChangeReminderPolicyHandler(aggregates) };
};
const change = (policy: ReminderPolicy, expectedVersion?: number) =>
  new ChangeReminderPolicyCommand(ghent, policy, expectedVersion, commandMetadata());

describe('ChangeReminderPolicyHandler', () => {
  it('records the new policy at the version the client saw', async () => {
    const { aggregates, handler } = setUp();
    expect(await handler.execute(change(second, 1))).toEqual({ version: 2, position: 2 });
    expect(aggregates.eventsOf(ghent, stream)[1]).toEqual({ type: 'ReminderPolicyChanged', data: second });
  });

  it('replaces whatever is there without If-Match', async () => {
    const { handler } = setUp();
    expect(await handler.execute(change(second))).toEqual({ version: 2, position: 2 });
  });

  it('refuses a stale If-Match with the current version', async () => {
    const { handler } = setUp();
    await expect(handler.execute(change(second, 0))).rejects.toMatchObject({
      code: 'REMINDER_POLICY.VERSION_CONFLICT',
      details: { currentVersion: 1 },
    });
  });

  it('records nothing for the same policy and answers the current version', async () => {
    const { aggregates, handler } = setUp();
    expect(await handler.execute(change(first, 1))).toEqual({ version: 1, position: 1 });
    expect(aggregates.eventsOf(ghent, stream)).toHaveLength(1);
  });

  it('refuses an invalid policy before anything is recorded', async () => {
    const { aggregates, handler } = setUp();
    await expect(handler.execute(change({ offsets: [], quietHours: null }))).rejects.toMatchObject({
      code: 'REMINDER_POLICY.INVALID',
    });
    expect(aggregates.eventsOf(ghent, stream)).toHaveLength(1);
  });
});
