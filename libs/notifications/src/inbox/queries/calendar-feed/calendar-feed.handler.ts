import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AppConfig } from '@rl/config';
import { asCityId, CityRole, Clock, CLOCK, DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { buildCalendarFeed } from '../../../domain/calendar-feed';
import { CALENDAR_TOKEN_FORMAT, calendarTokenHash } from '../../calendar-token';
import { AssignmentDue, assignmentEntries, FeedContext, PeriodDue, periodEntries } from './calendar-entries';
import { CalendarFeedQuery } from './calendar-feed.query';

interface City {
  id: string;
  slug: string;
  name: string;
  defaultLocale: string;
}

interface Subscriber {
  role: CityRole;
  organisationId: string | null;
  locale: string | null;
}

// Unknown city, unknown or replaced token, a member who left: all look the same.
const noFeed = () => new DomainError('not_found', 'CALENDAR.NOT_FOUND', 'No such calendar feed');

// The deadlines of a member's city as an iCalendar feed: a collector sees their organisation's open work,
// everyone else the city's reporting deadlines. Read from the reminder engine's own view of assignments
// and deadlines, inside the city (row-level security).
@QueryHandler(CalendarFeedQuery)
export class CalendarFeedHandler implements IQueryHandler<CalendarFeedQuery, string> {
  constructor(
    private readonly db: TenantDb,
    private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ citySlug, token }: CalendarFeedQuery): Promise<string> {
    if (token === undefined || !CALENDAR_TOKEN_FORMAT.test(token)) throw noFeed();
    const [city] = await this.db.platform((em) =>
      em.query<City[]>(
        `SELECT id, slug, name, default_locale AS "defaultLocale" FROM cities WHERE slug = $1`,
        [citySlug],
      ),
    );
    if (!city) throw noFeed();
    const cityId = asCityId(city.id);
    return this.db.inCity(cityId, async (em) => {
      const [subscriber] = await em.query<Subscriber[]>(
        `SELECT m.role, m.organisation_id AS "organisationId", u.locale
           FROM calendar_tokens t
           JOIN memberships m ON m.tenant_id = t.tenant_id AND m.user_id = t.user_id AND m.active
           JOIN users u ON u.id = t.user_id AND u.active
          WHERE t.tenant_id = $1 AND t.token_hash = $2`,
        [cityId, calendarTokenHash(token)],
      );
      if (!subscriber) throw noFeed();
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
              : await em.query<AssignmentDue[]>(
                  `SELECT t.assignment_id AS "assignmentId", t.state, i.code AS "indicatorCode",
                          i.name AS "indicatorName", o.name AS "organisationName", d.code AS "periodCode",
                          d.deadline, d.timezone
                     FROM reminder_targets t
                     JOIN reminder_deadlines d ON d.tenant_id = t.tenant_id AND d.period_id = t.period_id
                     LEFT JOIN indicators i ON i.tenant_id = t.tenant_id AND i.id = t.indicator_id
                     LEFT JOIN organisations o ON o.tenant_id = t.tenant_id AND o.id = t.organisation_id
                    WHERE t.tenant_id = $1 AND t.organisation_id = $2 AND t.state IN ('open', 'returned')
                    ORDER BY d.deadline, i.code, t.assignment_id`,
                  [cityId, subscriber.organisationId],
                ),
            context,
          )
        : periodEntries(
            await em.query<PeriodDue[]>(
              `SELECT d.period_id AS "periodId", d.code AS "periodCode", d.deadline, d.timezone,
                      count(t.assignment_id) FILTER (WHERE t.state IN ('open', 'returned'))::int AS open,
                      count(t.assignment_id) FILTER (WHERE t.state <> 'withdrawn')::int AS assigned
                 FROM reminder_deadlines d
                 LEFT JOIN reminder_targets t ON t.tenant_id = d.tenant_id AND t.period_id = d.period_id
                WHERE d.tenant_id = $1
                GROUP BY d.period_id, d.code, d.deadline, d.timezone
                ORDER BY d.deadline, d.code`,
              [cityId],
            ),
            context,
          );
      return buildCalendarFeed({
        name: collector ? `${city.name} · my reporting deadlines` : `${city.name} · reporting deadlines`,
        deadlines: deadlines.map((d) => ({ ...d, deadline: new Date(d.deadline) })),
        generatedAt: this.clock.now(),
      });
    });
  }
}
