import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AppConfig } from '@rl/config';
import { asCityId, Clock, CLOCK } from '@rl/kernel';
import { TimelineEntry, TimelineReader } from '@rl/timeline';
import { buildCalendarFeed } from '../../../domain/calendar-feed';
import { CalendarErrors } from '../../../domain/notifications.errors';
import { CalendarFeeds } from '../../../persistence/calendar.repository';
import { CALENDAR_TOKEN_FORMAT, calendarTokenHash } from '../../calendar-token';
import {
  assignmentEntries,
  DatedWork,
  datedWorkEntries,
  FeedContext,
  periodEntries,
} from './calendar-entries';
import { CalendarFeedQuery } from './calendar-feed.query';

// What a feed looks back and ahead on the timeline, and at most how many tasks and meetings it holds.
const FEED_PAST_MS = 30 * 86_400_000;
const FEED_AHEAD_MS = 400 * 86_400_000;
const FEED_DATED_WORK = 1000;
// A collector without an organisation: only what concerns the whole city.
const NO_ORGANISATION = '00000000-0000-0000-0000-000000000000';

// The deadlines of a member's city as an iCalendar feed: a collector sees their organisation's open work,
// everyone else the city's reporting deadlines; both see the tasks and meetings that concern them (a
// collector: those of their organisation and those of the whole city). Unknown city, unknown or replaced token, a member who
// left: all look the same (CALENDAR.NOT_FOUND).
@QueryHandler(CalendarFeedQuery)
export class CalendarFeedHandler implements IQueryHandler<CalendarFeedQuery, string> {
  constructor(
    private readonly feeds: CalendarFeeds,
    private readonly timeline: TimelineReader,
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
    const now = this.clock.now().getTime();
    const timeline = await this.timeline.read(cityId, {
      kinds: ['task-due', 'meeting'],
      from: new Date(now - FEED_PAST_MS),
      to: new Date(now + FEED_AHEAD_MS),
      ...(collector && { organisationId: subscriber.organisationId ?? NO_ORGANISATION }),
      limit: FEED_DATED_WORK,
    });
    const datedWork = timeline.filter(
      (entry): entry is TimelineEntry & DatedWork => entry.kind !== 'period-deadline',
    );
    return buildCalendarFeed({
      name: collector ? `${city.name} · my reporting deadlines` : `${city.name} · reporting deadlines`,
      deadlines: [
        ...deadlines.map((d) => ({ ...d, deadline: new Date(d.deadline) })),
        ...datedWorkEntries(datedWork.slice(0, FEED_DATED_WORK), city.timezone, context),
      ],
      generatedAt: this.clock.now(),
    });
  }
}
