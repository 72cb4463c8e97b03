import { EntityManager } from 'typeorm';
import { CityId } from '@rl/kernel';
import { FrameworkCode } from '../comparison-wakeups';

// Rewrites the shared rows of the touched indicators from the private state and marks dirty the
// framework codes whose comparisons changed (those published before or after).
export async function republish(
  em: EntityManager,
  cityId: CityId,
  touched: string[],
  populationChanged: boolean,
): Promise<void> {
  const before = await em.query<FrameworkCode[]>(
    `SELECT DISTINCT framework, code FROM published_indicators
      WHERE tenant_id = $1 AND framework <> '' AND ($3 OR indicator_id = ANY($2::uuid[]))`,
    [cityId, touched, populationChanged],
  );
  if (populationChanged) {
    await em.query(`DELETE FROM published_population WHERE tenant_id = $1`, [cityId]);
    await em.query(
      `INSERT INTO published_population (tenant_id, year, total, districts)
       SELECT tenant_id, year, total, districts FROM publication_population WHERE tenant_id = $1`,
      [cityId],
    );
  }
  if (touched.length > 0) {
    await em.query(
      `DELETE FROM published_indicators WHERE tenant_id = $1 AND indicator_id = ANY($2::uuid[])`,
      [cityId, touched],
    );
    await em.query(`DELETE FROM published_values WHERE tenant_id = $1 AND indicator_id = ANY($2::uuid[])`, [
      cityId,
      touched,
    ]);
    await em.query(
      `INSERT INTO published_indicators (tenant_id, indicator_id, framework, code, city_slug, city_name, definition, comparable, public)
       SELECT i.tenant_id, i.indicator_id, split_part(ref, ':', 1), substr(ref, strpos(ref, ':') + 1), c.slug, c.name,
              i.definition, i.comparable, i.public
         FROM publication_indicators i
        -- An indicator with no framework reference is still published (the city's public page) under ':'.
        CROSS JOIN unnest(CASE WHEN cardinality(i.framework_refs) = 0 THEN ARRAY[':'] ELSE i.framework_refs END) AS ref
         JOIN cities c ON c.id = i.tenant_id
        WHERE i.tenant_id = $1 AND i.indicator_id = ANY($2::uuid[]) AND NOT i.retired AND (i.comparable OR i.public)
       ON CONFLICT DO NOTHING`,
      [cityId, touched],
    );
    await em.query(
      `INSERT INTO published_values (tenant_id, indicator_id, period, granularity, year, value, status, series, comparable, public)
       SELECT v.tenant_id, v.indicator_id, p.code, p.granularity, p.year, v.value, v.status, v.series, i.comparable, i.public
         FROM publication_values v
         JOIN publication_periods p ON p.tenant_id = v.tenant_id AND p.period_id = v.period_id
         JOIN publication_indicators i ON i.tenant_id = v.tenant_id AND i.indicator_id = v.indicator_id
        WHERE v.tenant_id = $1 AND v.indicator_id = ANY($2::uuid[]) AND NOT i.retired AND (i.comparable OR i.public)`,
      [cityId, touched],
    );
  }
  const after = await em.query<FrameworkCode[]>(
    `SELECT DISTINCT framework, code FROM published_indicators
      WHERE tenant_id = $1 AND framework <> '' AND ($3 OR indicator_id = ANY($2::uuid[]))`,
    [cityId, touched, populationChanged],
  );
  const codes = [...new Map([...before, ...after].map((fc) => [`${fc.framework}:${fc.code}`, fc])).values()];
  if (codes.length > 0) {
    await em.query(
      `INSERT INTO comparison_dirty (framework, code, since)
       SELECT f, c, clock_timestamp() FROM unnest($1::text[], $2::text[]) AS x(f, c)
       ON CONFLICT (framework, code) DO UPDATE SET since = EXCLUDED.since, changed_by = pg_current_xact_id()`,
      [codes.map((fc) => fc.framework), codes.map((fc) => fc.code)],
    );
  }
}
