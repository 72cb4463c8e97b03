import { Module } from '@nestjs/common';
import { TimelineModule } from '@rl/timeline';
import { CalendarController } from './calendar.controller';
import { ChangeReminderPolicyHandler } from './commands/change-reminder-policy/change-reminder-policy.handler';
import { IssueCalendarTokenHandler } from './commands/issue-calendar-token/issue-calendar-token.handler';
import { MarkAllNoticesReadHandler } from './commands/mark-all-notices-read/mark-all-notices-read.handler';
import { MarkNoticeReadHandler } from './commands/mark-notice-read/mark-notice-read.handler';
import { RevokeCalendarTokenHandler } from './commands/revoke-calendar-token/revoke-calendar-token.handler';
import { UpdateMyPreferencesHandler } from './commands/update-my-preferences/update-my-preferences.handler';
import {
  CalendarFeeds,
  CalendarTokens,
  PgCalendarFeeds,
  PgCalendarTokens,
} from '../persistence/calendar.repository';
import { MyNotices, PgMyNotices } from '../persistence/my-notices.repository';
import {
  NotificationPreferences,
  PgNotificationPreferences,
} from '../persistence/notification-preferences.repository';
import { PgReminderPolicies, ReminderPolicies } from '../persistence/reminder-policies.repository';
import { MyNotificationsController } from './my-notifications.controller';
import { MyPreferencesController } from './my-preferences.controller';
import { CalendarFeedHandler } from './queries/calendar-feed/calendar-feed.handler';
import { GetMyPreferencesHandler } from './queries/get-my-preferences/get-my-preferences.handler';
import { GetReminderPolicyHandler } from './queries/get-reminder-policy/get-reminder-policy.handler';
import { ListMyNoticesHandler } from './queries/list-my-notices/list-my-notices.handler';
import { ReminderPolicyController } from './reminder-policy.controller';

// What people do with notifications: read and mark their inbox (across cities), set their preferences,
// set a city's reminder policy (coordinators) and subscribe to deadlines from a calendar app.
@Module({
  imports: [TimelineModule],
  controllers: [
    MyNotificationsController,
    MyPreferencesController,
    ReminderPolicyController,
    CalendarController,
  ],
  providers: [
    { provide: MyNotices, useClass: PgMyNotices },
    { provide: NotificationPreferences, useClass: PgNotificationPreferences },
    { provide: CalendarTokens, useClass: PgCalendarTokens },
    { provide: CalendarFeeds, useClass: PgCalendarFeeds },
    { provide: ReminderPolicies, useClass: PgReminderPolicies },
    ListMyNoticesHandler,
    MarkNoticeReadHandler,
    MarkAllNoticesReadHandler,
    GetMyPreferencesHandler,
    UpdateMyPreferencesHandler,
    GetReminderPolicyHandler,
    ChangeReminderPolicyHandler,
    IssueCalendarTokenHandler,
    RevokeCalendarTokenHandler,
    CalendarFeedHandler,
  ],
})
export class InboxModule {}
