import { Injectable } from '@nestjs/common';
import { CityId, CityRole, UserId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { AssignmentDue, PeriodDue } from '../inbox/queries/calendar-feed/calendar-entries';

export interface FeedCity {
  id: string;
  slug: string;
  name: string;
  defaultLocale: string;
  timezone: string;
}

export interface Subscriber {
  role: CityRole;
  organisationId: string | null;
  locale: string | null;
}

// Calendar links: one per member and city, only the token's hash stored.
export abstract class CalendarTokens {
  // Replaces (and so revokes) the member's previous link in the city.
  abstract replace(cityId: CityId, userId: UserId, tokenHash: string): Promise<void>;
  abstract revoke(cityId: CityId, userId: UserId): Promise<void>;
}

// What a calendar feed shows, read from the reminder engine's own view of assignments and deadlines,
// inside the city (row-level security).
export abstract class CalendarFeeds {
  abstract city(slug: string): Promise<FeedCity | undefined>;
  // The active member (and active user) behind a link's hash.
  abstract subscriber(cityId: CityId, tokenHash: string): Promise<Subscriber | undefined>;
  // An organisation's open or returned assignments, by deadline.
  abstract assignmentsDue(cityId: CityId, organisationId: string): Promise<AssignmentDue[]>;
  // Every reporting deadline of the city, with its open and assigned counts.
  abstract periodsDue(cityId: CityId): Promise<PeriodDue[]>;
}

@Injectable()
export class PgCalendarTokens implements CalendarTokens {
  constructor(private readonly db: TenantDb) {}

  async replace(cityId: CityId, userId: UserId, tokenHash: string): Promise<void> {
    await this.db.inCity(cityId, (em) =>
      em.query(
        `INSERT INTO calendar_tokens (tenant_id, user_id, token_hash) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash`,
        [cityId, userId, tokenHash],
      ),
    );
  }

  async revoke(cityId: CityId, userId: UserId): Promise<void> {
    await this.db.inCity(cityId, (em) =>
      em.query(`DELETE FROM calendar_tokens WHERE tenant_id = $1 AND user_id = $2`, [cityId, userId]),
    );
  }
}

@Injectable()
export class PgCalendarFeeds implements CalendarFeeds {
  constructor(private readonly db: TenantDb) {}

  async city(slug: string): Promise<FeedCity | undefined> {
    const [city] = await this.db.platform((em) =>
      em.query<FeedCity[]>(
        `SELECT id, slug, name, default_locale AS "defaultLocale", timezone FROM cities WHERE slug = $1`,
        [slug],
      ),
    );
    return city;
  }

  async subscriber(cityId: CityId, tokenHash: string): Promise<Subscriber | undefined> {
    const [subscriber] = await this.db.inCity(cityId, (em) =>
      em.query<Subscriber[]>(
        `SELECT m.role, m.organisation_id AS "organisationId", u.locale
           FROM calendar_tokens t
           JOIN memberships m ON m.tenant_id = t.tenant_id AND m.user_id = t.user_id AND m.active
           JOIN users u ON u.id = t.user_id AND u.active
          WHERE t.tenant_id = $1 AND t.token_hash = $2`,
        [cityId, tokenHash],
      ),
    );
    return subscriber;
  }

  assignmentsDue(cityId: CityId, organisationId: string): Promise<AssignmentDue[]> {
    return this.db.inCity(cityId, (em) =>
      em.query<AssignmentDue[]>(
        `SELECT t.assignment_id AS "assignmentId", t.state, i.code AS "indicatorCode",
                i.name AS "indicatorName", o.name AS "organisationName", d.code AS "periodCode",
                d.deadline, d.timezone
           FROM reminder_targets t
           JOIN reminder_deadlines d ON d.tenant_id = t.tenant_id AND d.period_id = t.period_id
           LEFT JOIN indicators i ON i.tenant_id = t.tenant_id AND i.id = t.indicator_id
           LEFT JOIN organisations o ON o.tenant_id = t.tenant_id AND o.id = t.organisation_id
          WHERE t.tenant_id = $1 AND t.organisation_id = $2 AND t.state IN ('open', 'returned')
          ORDER BY d.deadline, i.code, t.assignment_id`,
        [cityId, organisationId],
      ),
    );
  }

  periodsDue(cityId: CityId): Promise<PeriodDue[]> {
    return this.db.inCity(cityId, (em) =>
      em.query<PeriodDue[]>(
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
    );
  }
}
