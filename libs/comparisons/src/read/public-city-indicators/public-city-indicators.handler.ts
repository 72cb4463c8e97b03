import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { LatestValueView, PublicIndicatorView } from '../comparison.view';
import { PublicCityIndicatorsQuery } from './public-city-indicators.query';

interface IndicatorRow {
  id: string;
  definition: {
    indicatorCode: string;
    name: string;
    description: string | null;
    unit: string;
    direction: string;
    methodology: string | null;
    target: { value: number; year?: number } | null;
  };
  frameworkRefs: { framework: string; code: string }[];
}

const cityNotFound = () => new DomainError('not_found', 'CITY.NOT_FOUND', 'No such city');

// A city's public indicators with the validated value of their latest period, read as the public
// reader role: its policies show public rows only, so nothing comparable-only or unpublished can leak.
@QueryHandler(PublicCityIndicatorsQuery)
export class PublicCityIndicatorsHandler implements IQueryHandler<
  PublicCityIndicatorsQuery,
  PublicIndicatorView[]
> {
  constructor(private readonly db: TenantDb) {}

  async execute({ citySlug }: PublicCityIndicatorsQuery): Promise<PublicIndicatorView[]> {
    const [city] = await this.db.platform((em) =>
      em.query<{ id: string }[]>(`SELECT id FROM cities WHERE slug = $1`, [citySlug]),
    );
    if (!city) throw cityNotFound();
    const { indicators, latest } = await this.db.published('public', async (em) => {
      const indicators = await em.query<IndicatorRow[]>(
        // One row per framework reference; an unmapped indicator may be kept with an empty one.
        `SELECT indicator_id AS id, (array_agg(definition))[1] AS definition,
                COALESCE(jsonb_agg(jsonb_build_object('framework', framework, 'code', code) ORDER BY framework, code)
                           FILTER (WHERE framework <> ''), '[]'::jsonb) AS "frameworkRefs"
           FROM published_indicators WHERE tenant_id = $1 AND public
          GROUP BY indicator_id`,
        [city.id],
      );
      const latest = await em.query<(LatestValueView & { indicatorId: string })[]>(
        `SELECT DISTINCT ON (indicator_id) indicator_id AS "indicatorId", period, year, value, status
           FROM published_values WHERE tenant_id = $1 AND public AND indicator_id = ANY($2::uuid[])
          ORDER BY indicator_id, year DESC, period DESC`,
        [city.id, indicators.map((i) => i.id)],
      );
      return { indicators, latest };
    });
    const latestOf = new Map(latest.map(({ indicatorId, ...value }) => [indicatorId, value]));
    return indicators
      .map(({ id, definition: d, frameworkRefs }) => ({
        id,
        code: d.indicatorCode,
        name: d.name,
        description: d.description ?? null,
        unit: d.unit,
        direction: d.direction,
        methodology: d.methodology ?? null,
        frameworkRefs,
        target: d.target ?? null,
        latest: latestOf.get(id) ?? null,
      }))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }
}
