import { IndicatorFollowRecord, NoticeFollowRecord, NoticeRecord } from './persistence/notice.entity';
import { CalendarTokenRecord, NotificationPreferenceRecord } from './persistence/preferences.entity';
import { ReminderRecord } from './persistence/reminder.entity';
import { ReminderPolicyRecord } from './persistence/reminder-policy.entity';
import {
  ReminderDeadlineRecord,
  ReminderTargetRecord,
  ReminderTaskRecord,
} from './persistence/reminder-target.entity';
import { WebhookDeliveryRecord, WebhookEndpointRecord } from './persistence/webhook.entity';

export { DEFAULT_REMINDER_POLICY, QuietHours, ReminderPolicy } from './domain/reminder-policy';
export { NotificationEvent, reminderPolicyStream } from './domain/notification.events';
export { MAIL_CONNECTIONS } from './channels/mailer';
export { DeliverNoticeHandler } from './jobs/deliver-notice.handler';
export { FireReminderHandler } from './jobs/fire-reminder.handler';
export { MandateExpirySweep } from './jobs/mandate-expiry.handler';
export { NotificationSweep } from './jobs/notification-sweep';
export { NoticeOutbox, nothingRecorded, Recorded } from './notice-outbox';
export { NotificationsModule } from './notifications.module';
export { FollowIndicatorCommand } from './follows/commands/follow-indicator/follow-indicator.command';
export { NOTICE_TRIGGERS_PROJECTION } from './projections/notice-triggers.projection';
export { REMINDER_SCHEDULE_PROJECTION } from './projections/reminder-schedule.projection';

export const NOTIFICATIONS_ENTITIES = [
  ReminderPolicyRecord,
  ReminderTargetRecord,
  ReminderDeadlineRecord,
  ReminderTaskRecord,
  ReminderRecord,
  NoticeRecord,
  NoticeFollowRecord,
  IndicatorFollowRecord,
  NotificationPreferenceRecord,
  CalendarTokenRecord,
  WebhookEndpointRecord,
  WebhookDeliveryRecord,
];
