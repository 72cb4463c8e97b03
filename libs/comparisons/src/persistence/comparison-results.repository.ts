import { Injectable } from '@nestjs/common';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import type {
  ComparisonRow,
  PopulationFigure,
  PublishedDefinition,
  PublishedValue,
} from '../domain/comparison.types';
import type { Audience } from '../jobs/recompute-comparison.handler';
import { LatestValueView } from '../read/comparison.view';

export interface StoredRows {
  computedAt: Date;
  rows: ComparisonRow[];
  directions: Record<string, PublishedDefinition['direction']>;
}

export interface StoredSnapshot {
  computedAt: Date;
  definitions: PublishedDefinition[];
  values: PublishedValue[];
  population: PopulationFigure[];
}

// Which city's indicator a stored definition is.
export type Published = Pick<PublishedDefinition, 'cityId' | 'indicatorId'>;

// The same, with the slug it is shown under and its unit (the default disclosure rule depends on it).
export type Shown = Published & Pick<PublishedDefinition, 'citySlug' | 'unit'>;

export interface PublicIndicatorRow {
  id: string;
  definition: Pick<
    PublishedDefinition,
    'indicatorCode' | 'name' | 'description' | 'unit' | 'direction' | 'methodology' | 'target'
  >;
  frameworkRefs: { framework: string; code: string }[];
}

type Code = { audience: Audience; framework: string; code: string };

// The comparison read model (comparison_results, one row per audience and code) and the published
// tables, read as each audience's reader role (whose policies honour the publication flags).
export abstract class ComparisonReadModel {
  // One period's rows, with each city's direction and the cities' indicators it was computed from.
  abstract storedRows(code: Code, period: string): Promise<(StoredRows & { published: Shown[] }) | null>;
  abstract storedSnapshot(code: Code): Promise<StoredSnapshot | null>;
  // When the stored comparison was last computed (null: never).
  abstract computedAt(code: Code): Promise<Date | null>;
  // The cities' indicators the audience may see under the code at this moment.
  abstract visible(code: Code): Promise<Published[]>;
  abstract cityIdBySlug(slug: string): Promise<CityId | null>;
  // A city's public indicators with the validated value of their latest period.
  abstract publicIndicators(
    cityId: CityId,
  ): Promise<{ indicators: PublicIndicatorRow[]; latest: (LatestValueView & { indicatorId: string })[] }>;
}

@Injectable()
export class PgComparisonReadModel implements ComparisonReadModel {
  constructor(private readonly db: TenantDb) {}

  async storedRows(
    { audience, framework, code }: Code,
    period: string,
  ): Promise<(StoredRows & { published: Shown[] }) | null> {
    const [row] = await this.db.platform((em) =>
      em.query<(StoredRows & { published: Shown[] })[]>(
        `SELECT computed_at AS "computedAt", COALESCE(rows -> $4, '[]'::jsonb) AS rows,
                COALESCE((SELECT jsonb_object_agg(d->>'citySlug', d->>'direction')
                            FROM jsonb_array_elements(definitions) AS d), '{}'::jsonb) AS directions,
                (SELECT jsonb_agg(jsonb_build_object('cityId', d->>'cityId', 'indicatorId', d->>'indicatorId',
                                          'citySlug', d->>'citySlug', 'unit', d->>'unit'))
                   FROM jsonb_array_elements(definitions) AS d) AS published
           FROM comparison_results WHERE audience = $1 AND framework = $2 AND code = $3`,
        [audience, framework, code, period],
      ),
    );
    return row ?? null;
  }

  async storedSnapshot({ audience, framework, code }: Code): Promise<StoredSnapshot | null> {
    const [row] = await this.db.platform((em) =>
      em.query<StoredSnapshot[]>(
        `SELECT computed_at AS "computedAt", definitions, values, population
           FROM comparison_results WHERE audience = $1 AND framework = $2 AND code = $3`,
        [audience, framework, code],
      ),
    );
    return row ?? null;
  }

  async computedAt({ audience, framework, code }: Code): Promise<Date | null> {
    const [row] = await this.db.platform((em) =>
      em.query<{ computedAt: Date }[]>(
        `SELECT computed_at AS "computedAt" FROM comparison_results WHERE audience = $1 AND framework = $2 AND code = $3`,
        [audience, framework, code],
      ),
    );
    return row?.computedAt ?? null;
  }

  visible({ audience, framework, code }: Code): Promise<Published[]> {
    return this.db.published(audience, (em) =>
      em.query<Published[]>(
        `SELECT tenant_id AS "cityId", indicator_id AS "indicatorId" FROM published_indicators
          WHERE framework = $1 AND code = $2`,
        [framework, code],
      ),
    );
  }

  async cityIdBySlug(slug: string): Promise<CityId | null> {
    const [city] = await this.db.platform((em) =>
      em.query<{ id: CityId }[]>(`SELECT id FROM cities WHERE slug = $1`, [slug]),
    );
    return city?.id ?? null;
  }

  // As the public reader role: its policies show public rows only, so nothing comparable-only or
  // unpublished can leak.
  publicIndicators(cityId: CityId) {
    return this.db.published('public', async (em) => {
      const indicators = await em.query<PublicIndicatorRow[]>(
        // One row per framework reference; an unmapped indicator may be kept with an empty one.
        `SELECT indicator_id AS id, (array_agg(definition))[1] AS definition,
                COALESCE(jsonb_agg(jsonb_build_object('framework', framework, 'code', code) ORDER BY framework, code)
                           FILTER (WHERE framework <> ''), '[]'::jsonb) AS "frameworkRefs"
           FROM published_indicators WHERE tenant_id = $1 AND public
          GROUP BY indicator_id`,
        [cityId],
      );
      const latest = await em.query<(LatestValueView & { indicatorId: string })[]>(
        `SELECT DISTINCT ON (indicator_id) indicator_id AS "indicatorId", period, year, value, status
           FROM published_values WHERE tenant_id = $1 AND public AND indicator_id = ANY($2::uuid[])
          ORDER BY indicator_id, year DESC, period DESC`,
        [cityId, indicators.map((i) => i.id)],
      );
      return { indicators, latest };
    });
  }
}
