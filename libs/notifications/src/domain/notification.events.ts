import { QuietHours, ReminderOffset } from './reminder-policy';

export type NotificationEvent =
  | { type: 'ReminderPolicyChanged'; data: { offsets: ReminderOffset[]; quietHours: QuietHours | null } }
  // Endpoint configuration is audited; the signing secret never enters the log.
  | { type: 'WebhookRegistered'; data: { webhookId: string; url: string; events: string[] } }
  | { type: 'WebhookRemoved'; data: { webhookId: string } };

export const reminderPolicyStream = (cityId: string) => `reminder-policy-${cityId}`;
export const webhookStream = (webhookId: string) => `webhook-${webhookId}`;
