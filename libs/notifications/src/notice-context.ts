import { EntityManager } from 'typeorm';
import { AppConfig } from '@rl/config';
import { CityId } from '@rl/kernel';
import { NoticeData } from './domain/notice';
import { reminderPolicyStream } from './domain/notification.events';
import { DEFAULT_REMINDER_POLICY, QuietHours } from './domain/reminder-policy';

export interface CityFacts {
  slug: string;
  name: string;
  timezone: string;
  defaultLocale: string;
  quietHours: QuietHours | null;
}

// The quiet hours come from the city's last ReminderPolicyChanged in the log itself, which its append
// wrote: a notice decided now honours every policy change committed before, however far behind the
// reminder schedule (which keeps them in reminder_policies) is.
export async function cityFacts(em: EntityManager, cityId: CityId): Promise<CityFacts> {
  const [row] = await em.query<
    (Omit<CityFacts, 'quietHours'> & { custom: boolean; quietHours: QuietHours | null })[]
  >(
    `SELECT c.slug, c.name, c.timezone, c.default_locale AS "defaultLocale",
            p.data IS NOT NULL AS custom, p.data->'quietHours' AS "quietHours"
       FROM cities c
       LEFT JOIN LATERAL (SELECT data FROM events
                           WHERE tenant_id = c.id AND stream_id = $2 AND type = 'ReminderPolicyChanged'
                           ORDER BY stream_version DESC LIMIT 1) p ON true
      WHERE c.id = $1`,
    [cityId, reminderPolicyStream(cityId)],
  );
  return row.custom ? row : { ...row, quietHours: DEFAULT_REMINDER_POLICY.quietHours };
}

// Names pinned into a notice about one piece of reporting work (an assignment or a submission).
export async function workFacts(
  em: EntityManager,
  config: AppConfig,
  city: CityFacts,
  work: { indicatorId: string; periodId: string; organisationId: string; path: string },
): Promise<NoticeData> {
  const [row] = await em.query<
    {
      indicatorCode?: string;
      indicatorName?: Record<string, string>;
      periodCode?: string;
      deadline?: Date;
      organisationName?: string;
    }[]
  >(
    `SELECT (SELECT code FROM indicators WHERE id = $1) AS "indicatorCode",
            (SELECT name FROM indicators WHERE id = $1) AS "indicatorName",
            (SELECT code FROM reminder_deadlines WHERE period_id = $2) AS "periodCode",
            (SELECT deadline FROM reminder_deadlines WHERE period_id = $2) AS "deadline",
            (SELECT name FROM organisations WHERE id = $3) AS "organisationName"`,
    [work.indicatorId, work.periodId, work.organisationId],
  );
  const names = row.indicatorName ?? {};
  return {
    citySlug: city.slug,
    cityName: city.name,
    indicatorCode: row.indicatorCode,
    indicatorName: names[city.defaultLocale] ?? Object.values(names)[0],
    periodCode: row.periodCode,
    organisationName: row.organisationName,
    deadline: row.deadline ? new Date(row.deadline).toISOString() : undefined,
    link: `${config.notifications.appUrl}/cities/${city.slug}/${work.path}`,
  };
}
