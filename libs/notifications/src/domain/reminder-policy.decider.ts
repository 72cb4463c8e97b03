import { Decider } from '@rl/kernel';
import { REMINDER_POLICY_EVENT_TYPES, ReminderPolicyEvent } from './notification.events';
import { ReminderPolicy, validatePolicy } from './reminder-policy';
import { canonicalPolicy, samePolicy } from './reminder-policy-shape';

// A city's reminder policy: null until a coordinator first sets one (the defaults apply meanwhile).
export interface ReminderPolicyState {
  policy: ReminderPolicy | null;
}

// The body is the whole policy (a PUT): no one's partial edit is merged away.
export type ReminderPolicyCommand = { type: 'ChangeReminderPolicy'; policy: ReminderPolicy };

const initialState = (): ReminderPolicyState => ({ policy: null });

// Sending the current policy again records nothing; every other version stays in the audit log.
function decide(command: ReminderPolicyCommand, state: ReminderPolicyState): ReminderPolicyEvent[] {
  const policy = validatePolicy(canonicalPolicy(command.policy));
  if (state.policy && samePolicy(state.policy, policy)) return [];
  return [{ type: 'ReminderPolicyChanged', data: policy }];
}

const evolve = (_: ReminderPolicyState, event: ReminderPolicyEvent): ReminderPolicyState => ({
  policy: event.data,
});

export const reminderPolicyDecider: Decider<ReminderPolicyState, ReminderPolicyCommand, ReminderPolicyEvent> =
  { initialState, decide, evolve, eventTypes: REMINDER_POLICY_EVENT_TYPES };
