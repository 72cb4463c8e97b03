import { DeciderSpecification } from '@rl/kernel/testing';
import { ReminderPolicyEvent } from './notification.events';
import { DEFAULT_REMINDER_POLICY } from './reminder-policy';
import { reminderPolicyDecider } from './reminder-policy.decider';

const spec = DeciderSpecification.for(reminderPolicyDecider);
const policy = { offsets: [{ offset: '-P3D' }, { offset: 'P1D', escalate: true }], quietHours: null };
const changed = (data: ReminderPolicyEvent['data']): ReminderPolicyEvent => ({
  type: 'ReminderPolicyChanged',
  data,
});

describe('reminder policy decider', () => {
  it('records a city’s first policy in its one spelling', () => {
    spec
      .given([])
      .when({
        type: 'ChangeReminderPolicy',
        policy: {
          quietHours: null,
          offsets: [
            { offset: '-P3D', escalate: false },
            { offset: 'P1D', escalate: true },
          ],
        },
      })
      .then([changed(policy)]);
  });

  it('records nothing when the policy is sent again, however it is spelled', () => {
    spec
      .given([changed(policy)])
      .when({
        type: 'ChangeReminderPolicy',
        policy: { quietHours: null, offsets: [{ offset: '-P3D' }, { escalate: true, offset: 'P1D' }] },
      })
      .thenNothingHappens();
  });

  it('records a change, even back to what the defaults say', () => {
    spec
      .given([changed(policy)])
      .when({ type: 'ChangeReminderPolicy', policy: DEFAULT_REMINDER_POLICY })
      .then([changed(DEFAULT_REMINDER_POLICY)]);
  });

  it('refuses an invalid policy naming the field', () => {
    spec
      .given([])
      .when({ type: 'ChangeReminderPolicy', policy: { offsets: [{ offset: 'soon' }], quietHours: null } })
      .thenThrows('REMINDER_POLICY.INVALID', (error) =>
        expect(error.errors[0].field).toBe('offsets[0].offset'),
      );
  });

  it('evolves to the last policy recorded', () => {
    expect(spec.given([changed(DEFAULT_REMINDER_POLICY), changed(policy)]).state()).toEqual({ policy });
  });
});
