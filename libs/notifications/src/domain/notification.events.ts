import { QuietHours, ReminderOffset } from './reminder-policy';

export type ReminderPolicyEvent = {
  type: 'ReminderPolicyChanged';
  data: { offsets: ReminderOffset[]; quietHours: QuietHours | null };
};

export type WebhookEvent =
  // Endpoint configuration is audited, but neither the signing secret nor the URL (its path, query or
  // user info often hold a token) enters the log: only the URL's origin, e.g. https://hooks.example.org.
  // The URL stays in webhook_endpoints, which can be deleted. v1 events recorded the whole URL; they are
  // read (upcast) as v2, so no read shows it.
  | { type: 'WebhookRegistered'; data: { webhookId: string; origin: string; events: string[] } }
  | { type: 'WebhookRemoved'; data: { webhookId: string } };

export type NotificationEvent = ReminderPolicyEvent | WebhookEvent;

export const REMINDER_POLICY_EVENT_TYPES = ['ReminderPolicyChanged'] as const;
export const WEBHOOK_EVENT_TYPES = ['WebhookRegistered', 'WebhookRemoved'] as const;

export const reminderPolicyStream = (cityId: string) => `reminder-policy-${cityId}`;
export const webhookStream = (webhookId: string) => `webhook-${webhookId}`;

// v1 → v2: the URL becomes its origin.
export function webhookRegisteredV2(data: unknown): unknown {
  const { url, ...rest } = data as { url: string; webhookId: string; events: string[] };
  return { ...rest, origin: new URL(url).origin };
}
