import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantDb } from '@rl/persistence';
import { HandlesJob, JobHandlerOf, JobPayloads } from '@rl/queue';
import { compareCities } from '../domain/compare';
import { PopulationFigure, PublishedDefinition, PublishedValue } from '../domain/comparison.types';

export const AUDIENCES = ['members', 'public'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface PublishedSnapshot {
  definitions: PublishedDefinition[];
  values: PublishedValue[];
  population: PopulationFigure[];
}

// Everything published for one framework code, as the audience's reader role sees it (its policies
// decide: comparable or public for members, public only for anonymous readers). One indicator per city:
// the one with the lowest local code when a city maps several to the same framework code.
export async function readPublished(
  em: EntityManager,
  framework: string,
  code: string,
): Promise<PublishedSnapshot> {
  const definitions = await em.query<PublishedDefinition[]>(
    `SELECT DISTINCT ON (i.tenant_id)
            i.tenant_id AS "cityId", i.city_slug AS "citySlug", i.city_name AS "cityName", i.indicator_id AS "indicatorId",
            i.definition->>'indicatorCode' AS "indicatorCode", i.definition->>'name' AS name,
            i.definition->>'description' AS description, i.definition->>'unit' AS unit,
            i.definition->>'direction' AS direction, i.definition->>'methodology' AS methodology,
            ARRAY(SELECT jsonb_array_elements_text(i.definition->'dimensions')) AS dimensions,
            (i.definition->>'series')::int AS series, i.definition->'target' AS target,
            coalesce(i.definition->'terms', '[]') AS terms, i.comparable, i.public
       FROM published_indicators i
      WHERE i.framework = $1 AND i.code = $2
      ORDER BY i.tenant_id, i.definition->>'indicatorCode'`,
    [framework, code],
  );
  const values = await em.query<PublishedValue[]>(
    `SELECT tenant_id AS "cityId", indicator_id AS "indicatorId", period, granularity, year, value, status, series
       FROM published_values WHERE indicator_id = ANY($1::uuid[]) ORDER BY year, period`,
    [definitions.map((d) => d.indicatorId)],
  );
  const population = await em.query<PopulationFigure[]>(
    `SELECT tenant_id AS "cityId", year, total FROM published_population WHERE tenant_id = ANY($1::uuid[])`,
    [definitions.map((d) => d.cityId)],
  );
  return { definitions, values, population };
}

// Rows per period, ranked across every city that published the code.
export function rowsByPeriod(snapshot: PublishedSnapshot): Record<string, unknown[]> {
  const periods = [...new Set(snapshot.values.map((v) => v.period))];
  return Object.fromEntries(periods.map((period) => [period, compareCities({ ...snapshot, period })]));
}

// Recomputes one framework code's comparison for both audiences from the published tables, then clears
// its dirty mark if the change that set it committed before the reads began (else the mark stays for the
// next run or the sweep).
@Injectable()
@HandlesJob('comparisons.recompute')
export class RecomputeComparisonHandler implements JobHandlerOf<'comparisons.recompute'> {
  constructor(private readonly db: TenantDb) {}

  async handle({ framework, code }: JobPayloads['comparisons.recompute']): Promise<void> {
    // Changes committed before this snapshot are all read below; later ones keep their dirty mark.
    const [{ snapshot }] = await this.db.platform((em) =>
      em.query<{ snapshot: string }[]>(`SELECT pg_current_snapshot()::text AS snapshot`),
    );
    for (const audience of AUDIENCES) {
      const snapshot = await this.db.published(audience, (em) => readPublished(em, framework, code));
      await this.db.platform(async (em) => {
        if (snapshot.definitions.length === 0) {
          await em.query(
            `DELETE FROM comparison_results WHERE audience = $1 AND framework = $2 AND code = $3`,
            [audience, framework, code],
          );
          return;
        }
        await em.query(
          `INSERT INTO comparison_results (audience, framework, code, definitions, values, population, rows, computed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, clock_timestamp())
           ON CONFLICT (audience, framework, code) DO UPDATE
             SET definitions = EXCLUDED.definitions, values = EXCLUDED.values, population = EXCLUDED.population,
                 rows = EXCLUDED.rows, computed_at = EXCLUDED.computed_at`,
          [
            audience,
            framework,
            code,
            JSON.stringify(snapshot.definitions),
            JSON.stringify(snapshot.values),
            JSON.stringify(snapshot.population),
            JSON.stringify(rowsByPeriod(snapshot)),
          ],
        );
      });
    }
    await this.db.platform((em) =>
      em.query(
        `DELETE FROM comparison_dirty
          WHERE framework = $1 AND code = $2 AND pg_visible_in_snapshot(changed_by, $3::pg_snapshot)`,
        [framework, code, snapshot],
      ),
    );
  }
}
