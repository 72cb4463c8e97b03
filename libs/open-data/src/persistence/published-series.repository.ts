import { Injectable } from '@nestjs/common';
import { TenantDb } from '@rl/persistence';
import { Cell, DisclosureRule } from '../domain/suppression';
import { Audience, StoredObservation } from '../domain/series';
import { SdmxMapping } from '../domain/sdmx-mapping';

export interface PublishedSeriesRow {
  cityId: string;
  citySlug: string;
  cityName: string;
  indicatorId: string;
  definition: {
    indicatorCode: string;
    name: string;
    description?: string | null;
    unit: string;
    dimensions?: string[];
  };
  frameworkRefs: string[];
  rule: DisclosureRule | null;
  sdmxMapping: SdmxMapping | null;
  observations: StoredObservation[];
}

export interface PeriodOf {
  cityId: string;
  indicatorId: string;
  period: string;
}

export interface PeriodCells {
  cityId: string;
  indicatorId: string;
  period: string;
  rule: DisclosureRule | null;
  cells: Cell[];
}

// Published series as a reader role sees them: the policies show the public reader public indicators
// only, so an unpublished or comparable-only indicator cannot leak from here.
export abstract class PublishedSeries {
  abstract find(
    citySlug: string,
    indicatorCode: string,
    audience: Audience,
  ): Promise<PublishedSeriesRow | null>;
  // The cells the audience's reader sees of each (indicator, period), with the indicator's own rule.
  abstract periodCells(periods: PeriodOf[], audience: Audience): Promise<PeriodCells[]>;
}

@Injectable()
export class PgPublishedSeries implements PublishedSeries {
  constructor(private readonly db: TenantDb) {}

  find(citySlug: string, indicatorCode: string, audience: Audience): Promise<PublishedSeriesRow | null> {
    return this.db.published(audience, async (em) => {
      const [indicator] = await em.query<Omit<PublishedSeriesRow, 'rule' | 'sdmxMapping' | 'observations'>[]>(
        `SELECT tenant_id AS "cityId", city_slug AS "citySlug", city_name AS "cityName", indicator_id AS "indicatorId",
                (array_agg(definition))[1] AS definition,
                COALESCE(array_agg(framework || ':' || code ORDER BY framework, code) FILTER (WHERE framework <> ''),
                         '{}') AS "frameworkRefs"
           FROM published_indicators
          WHERE city_slug = $1 AND definition->>'indicatorCode' = $2 AND ($3 OR public)
          GROUP BY tenant_id, city_slug, city_name, indicator_id
          LIMIT 1`,
        [citySlug, indicatorCode, audience === 'members'],
      );
      if (!indicator) return null;
      const [rule] = await em.query<DisclosureRule[]>(
        `SELECT min_count AS "minCount", secondary FROM published_disclosure_rules
          WHERE tenant_id = $1 AND indicator_id = $2`,
        [indicator.cityId, indicator.indicatorId],
      );
      const [sdmx] = await em.query<{ mapping: SdmxMapping }[]>(
        `SELECT mapping FROM published_sdmx_mappings WHERE tenant_id = $1 AND indicator_id = $2`,
        [indicator.cityId, indicator.indicatorId],
      );
      const observations = await em.query<StoredObservation[]>(
        `SELECT period, disaggregation, value, status, definition_version AS "definitionVersion", series, source
           FROM published_observations
          WHERE tenant_id = $1 AND indicator_id = $2 AND ($3 OR public)
          ORDER BY period, key`,
        [indicator.cityId, indicator.indicatorId, audience === 'members'],
      );
      return { ...indicator, rule: rule ?? null, sdmxMapping: sdmx?.mapping ?? null, observations };
    });
  }

  periodCells(periods: PeriodOf[], audience: Audience): Promise<PeriodCells[]> {
    return this.db.published(audience, (em) =>
      em.query<PeriodCells[]>(
        `SELECT p.city AS "cityId", p.id AS "indicatorId", p.period,
                (SELECT jsonb_build_object('minCount', r.min_count, 'secondary', r.secondary)
                   FROM published_disclosure_rules r WHERE r.tenant_id = p.city AND r.indicator_id = p.id) AS rule,
                COALESCE((SELECT jsonb_agg(jsonb_build_object('period', o.period, 'disaggregation', o.disaggregation,
                                                              'value', o.value) ORDER BY o.key)
                            FROM published_observations o
                           WHERE o.tenant_id = p.city AND o.indicator_id = p.id AND o.period = p.period
                              AND ($4 OR o.public)),
                         '[]'::jsonb) AS cells
           FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS p(city, id, period)`,
        [
          periods.map((p) => p.cityId),
          periods.map((p) => p.indicatorId),
          periods.map((p) => p.period),
          audience === 'members',
        ],
      ),
    );
  }
}
