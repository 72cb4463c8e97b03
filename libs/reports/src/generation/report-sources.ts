import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { SourceRows } from '../content/assemble-content';

type Rows<T> = Promise<T[]>;

// Reads what a report shows from the read models of the transaction it is given: the pinned scratch
// copies of PinnedReplay, so nothing after the pinned position is seen. Only public indicators, public
// comments and public budget lines: the report is made to be published.
@Injectable()
export class ReportSources {
  constructor(private readonly db: TenantDb) {}

  async city(cityId: CityId): Promise<SourceRows['city']> {
    const [city] = await this.db.platform((em) =>
      em.query<SourceRows['city'][]>(
        `SELECT slug, name, default_locale AS locale FROM cities WHERE id = $1`,
        [cityId],
      ),
    );
    return city;
  }

  async read(em: EntityManager, cityId: CityId, year: number, city: SourceRows['city']): Promise<SourceRows> {
    const q = <T>(sql: string, params: unknown[] = []): Rows<T> => em.query<T[]>(sql, [cityId, ...params]);
    const yearPrefix = `${year}%`;
    const indicators = (
      await q<SourceRows['indicators'][number] & { minCount: number | null; secondary: boolean | null }>(
        `SELECT i.id, i.code, i.name, i."right", i.unit, r.min_count AS "minCount", r.secondary
           FROM indicators i
           JOIN open_data_indicators o ON o.tenant_id = i.tenant_id AND o.indicator_id = i.id
           LEFT JOIN published_disclosure_rules r ON r.tenant_id = i.tenant_id AND r.indicator_id = i.id
          WHERE i.tenant_id = $1 AND o.public AND NOT o.retired`,
      )
    ).map(({ minCount, secondary, ...i }) => ({
      ...i,
      rule: minCount === null ? null : { minCount, secondary: secondary ?? false },
    }));
    const ids = indicators.map((i) => i.id);
    const [{ count }] = await q<{ count: string }>(
      `SELECT count(*) FROM open_data_observations WHERE tenant_id = $1 AND period LIKE $2`,
      [yearPrefix],
    );
    return {
      city,
      indicators,
      valuesValidated: Number(count),
      periods: await q(`SELECT id, code FROM periods WHERE tenant_id = $1 AND code LIKE $2`, [yearPrefix]),
      observations: await q(
        `SELECT indicator_id AS "indicatorId", period, key, disaggregation, value, status,
                definition_version AS "definitionVersion", series
           FROM open_data_observations
          WHERE tenant_id = $1 AND indicator_id = ANY($2::uuid[]) AND left(period, 4) <= $3`,
        [ids, String(year)],
      ),
      comments: (
        await q<{ id: string; indicatorId: string; createdAt: Date }>(
          `SELECT id, target_id AS "indicatorId", created_at AS "createdAt" FROM comments
            WHERE tenant_id = $1 AND target_kind = 'indicator' AND target_id = ANY($2::uuid[])
              AND visibility = 'public' AND NOT retracted
            ORDER BY created_at, id`,
          [ids],
        )
      ).map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
      organisations: await q(`SELECT id, name FROM organisations WHERE tenant_id = $1 ORDER BY name, id`),
      completeness: (
        await q<Record<'organisationId' | 'expected' | 'submitted' | 'validated' | 'late', string>>(
          `SELECT c.organisation_id AS "organisationId", count(*) FILTER (WHERE c.assigned) AS expected,
                  count(*) FILTER (WHERE c.submitted) AS submitted, count(*) FILTER (WHERE c.validated) AS validated,
                  count(*) FILTER (WHERE c.submitted_late) AS late
             FROM completeness c JOIN periods p ON p.tenant_id = c.tenant_id AND p.id = c.period_id
            WHERE c.tenant_id = $1 AND p.code LIKE $2
            GROUP BY c.organisation_id`,
          [yearPrefix],
        )
      ).map((c) => ({
        organisationId: c.organisationId,
        expected: Number(c.expected),
        submitted: Number(c.submitted),
        validated: Number(c.validated),
        late: Number(c.late),
      })),
      meetings: (
        await q<{
          id: string;
          title: string;
          startsAt: Date;
          status: string;
          decisions: { id: string; text: string; recordedAt: string }[];
        }>(
          `SELECT id, title, starts_at AS "startsAt", status, decisions FROM meetings
            WHERE tenant_id = $1 AND starts_at >= make_date($2, 1, 1) AND starts_at < make_date($2 + 1, 1, 1)`,
          [year],
        )
      ).map((m) => ({
        id: m.id,
        title: m.title,
        startsAt: m.startsAt.toISOString(),
        status: m.status,
        decisions: m.decisions.map(({ id, text, recordedAt }) => ({ id, text, recordedAt })),
      })),
      budget: await q(
        `SELECT id, code, title, amount, currency, committed, indicators AS "indicatorIds" FROM budget_lines
          WHERE tenant_id = $1 AND year = $2 AND public`,
        [year],
      ),
    };
  }
}
