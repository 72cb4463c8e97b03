import { ReminderPolicy } from './reminder-policy';

// One spelling of a policy, whatever the request or the jsonb key order: fixed key order, `at` only
// when given, `escalate` only when true. Event data and comparisons use it.
export function canonicalPolicy(policy: ReminderPolicy): ReminderPolicy {
  return {
    offsets: policy.offsets.map((o) => ({
      offset: o.offset,
      ...(o.at !== undefined && o.at !== null && { at: o.at }),
      ...(o.escalate === true && { escalate: true }),
    })),
    quietHours: policy.quietHours ? { start: policy.quietHours.start, end: policy.quietHours.end } : null,
  };
}

export const samePolicy = (a: ReminderPolicy, b: ReminderPolicy): boolean =>
  JSON.stringify(canonicalPolicy(a)) === JSON.stringify(canonicalPolicy(b));
