import { Module } from '@nestjs/common';
import { IdentityModule } from '@rl/identity';
import { Mailer } from './channels/mailer';
import { DeliverAccountEmailHandler } from './jobs/deliver-account-email.handler';
import { DeliverNoticeHandler } from './jobs/deliver-notice.handler';
import { FireReminderHandler } from './jobs/fire-reminder.handler';
import { MandateExpiryHandler, MandateExpirySweep } from './jobs/mandate-expiry.handler';
import { NotificationSweep } from './jobs/notification-sweep';
import { ProjectedReminderScheduleHead, ReminderScheduleHead } from './jobs/reminder-schedule-head';
import { NoticeOutbox } from './notice-outbox';
import { AccountMails, PgAccountMails } from './persistence/account-mails.repository';
import { MandateExpiryNotices, PgMandateExpiryNotices } from './persistence/mandate-expiry.repository';
import { NoticeMails, PgNoticeMails } from './persistence/notice-mails.repository';
import { NotificationBacklog, PgNotificationBacklog } from './persistence/notification-backlog.repository';
import { PgReminderFiring, ReminderFiring } from './persistence/reminder-firing.repository';
import { NotificationMetrics } from './notification-metrics';
import { NotificationQueues } from './notification-queues';
import { InboxModule } from './inbox/inbox.module';
import { MeetingInvitationsProjection } from './projections/meeting-invitations.projection';
import { NoticeTriggersProjection } from './projections/notice-triggers.projection';
import { ReminderScheduleProjection } from './projections/reminder-schedule.projection';
import { NoticeWakeupsReactor } from './reactors/notice-wakeups.reactor';
import { ReminderWakeupsReactor } from './reactors/reminder-wakeups.reactor';
import { WebhooksModule } from './webhooks/webhooks.module';
import { FollowsModule } from './follows/follows.module';
import {
  GlossaryNoticeWakeupsReactor,
  GlossaryNoticesProjection,
} from './projections/glossary-notices.projection';

@Module({
  imports: [WebhooksModule, InboxModule, FollowsModule, IdentityModule],
  providers: [
    Mailer,
    NotificationQueues,
    NoticeOutbox,
    { provide: ReminderScheduleHead, useClass: ProjectedReminderScheduleHead },
    { provide: ReminderFiring, useClass: PgReminderFiring },
    { provide: NoticeMails, useClass: PgNoticeMails },
    { provide: AccountMails, useClass: PgAccountMails },
    { provide: NotificationBacklog, useClass: PgNotificationBacklog },
    ReminderScheduleProjection,
    ReminderWakeupsReactor,
    NoticeTriggersProjection,
    MeetingInvitationsProjection,
    NoticeWakeupsReactor,
    GlossaryNoticesProjection,
    GlossaryNoticeWakeupsReactor,
    FireReminderHandler,
    DeliverNoticeHandler,
    DeliverAccountEmailHandler,
    NotificationSweep,
    NotificationMetrics,
    { provide: MandateExpiryNotices, useClass: PgMandateExpiryNotices },
    MandateExpiryHandler,
    MandateExpirySweep,
  ],
  // NoticeOutbox: other contexts record their notices and webhook events through it.
  exports: [NotificationSweep, MandateExpirySweep, NoticeOutbox],
})
export class NotificationsModule {}
