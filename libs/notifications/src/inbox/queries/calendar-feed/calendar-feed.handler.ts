import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AppConfig } from '@rl/config';
import { asCityId, Clock, CLOCK } from '@rl/kernel';
import { buildCalendarFeed } from '../../../domain/calendar-feed';
import { CalendarErrors } from '../../../domain/notifications.errors';
import { CalendarFeeds } from '../../../persistence/calendar.repository';
import { CALENDAR_TOKEN_FORMAT, calendarTokenHash } from '../../calendar-token';
import { assignmentEntries, FeedContext, periodEntries } from './calendar-entries';
import { CalendarFeedQuery } from './calendar-feed.query';

// The deadlines of a member's city as an iCalendar feed: a collector sees their organisation's open work,
// everyone else the city's reporting deadlines. Unknown city, unknown or replaced token, a member who
// left: all look the same (CALENDAR.NOT_FOUND).
@QueryHandler(CalendarFeedQuery)
export class CalendarFeedHandler implements IQueryHandler<CalendarFeedQuery, string> {
  constructor(
    private readonly feeds: CalendarFeeds,
    private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ citySlug, token }: CalendarFeedQuery): Promise<string> {
    if (token === undefined || !CALENDAR_TOKEN_FORMAT.test(token)) throw CalendarErrors.NOT_FOUND();
    const city = await this.feeds.city(citySlug);
    if (!city) throw CalendarErrors.NOT_FOUND();
    const cityId = asCityId(city.id);
    const subscriber = await this.feeds.subscriber(cityId, calendarTokenHash(token));
    if (!subscriber) throw CalendarErrors.NOT_FOUND();
    const context: FeedContext = {
      citySlug: city.slug,
      appUrl: this.config.notifications.appUrl,
      locales: [subscriber.locale, city.defaultLocale].filter((l): l is string => !!l),
    };
    const collector = subscriber.role === 'collector';
    const deadlines = collector
      ? assignmentEntries(
          subscriber.organisationId === null
            ? []
            : await this.feeds.assignmentsDue(cityId, subscriber.organisationId),
          context,
        )
      : periodEntries(await this.feeds.periodsDue(cityId), context);
    return buildCalendarFeed({
      name: collector ? `${city.name} · my reporting deadlines` : `${city.name} · reporting deadlines`,
      deadlines: deadlines.map((d) => ({ ...d, deadline: new Date(d.deadline) })),
      generatedAt: this.clock.now(),
    });
  }
}
