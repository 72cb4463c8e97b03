import { Injectable } from '@nestjs/common';
import { TenantDb } from '@rl/persistence';
import type {
  ComparisonRow,
  PopulationFigure,
  PublishedDefinition,
  PublishedValue,
} from '../domain/comparison.types';
import type { Audience } from '../jobs/recompute-comparison.handler';

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

// The comparison read model (comparison_results) as the workers left it. It holds only what cities
// published, per audience, so a read picks its audience's row and nothing else; a code nobody published
// for that audience has no row at all, whatever a city keeps unpublished.
@Injectable()
export class ComparisonResults {
  constructor(private readonly db: TenantDb) {}

  // One period's rows, and each city's direction (to re-rank a subset).
  async rows(
    audience: Audience,
    framework: string,
    code: string,
    period: string,
  ): Promise<StoredRows | null> {
    const [row] = await this.db.platform((em) =>
      em.query<StoredRows[]>(
        `SELECT computed_at AS "computedAt", COALESCE(rows -> $4, '[]'::jsonb) AS rows,
                COALESCE((SELECT jsonb_object_agg(d->>'citySlug', d->>'direction')
                            FROM jsonb_array_elements(definitions) AS d), '{}'::jsonb) AS directions
           FROM comparison_results WHERE audience = $1 AND framework = $2 AND code = $3`,
        [audience, framework, code, period],
      ),
    );
    return row ?? null;
  }

  // Everything the comparison was computed from: definitions, values and population.
  async snapshot(audience: Audience, framework: string, code: string): Promise<StoredSnapshot | null> {
    const [row] = await this.db.platform((em) =>
      em.query<StoredSnapshot[]>(
        `SELECT computed_at AS "computedAt", definitions, values, population
           FROM comparison_results WHERE audience = $1 AND framework = $2 AND code = $3`,
        [audience, framework, code],
      ),
    );
    return row ?? null;
  }
}

// Keeps the given cities' part of a snapshot (all of it without a filter).
export function onlyCities(snapshot: StoredSnapshot, slugs: readonly string[] | undefined): StoredSnapshot {
  if (slugs === undefined) return snapshot;
  const wanted = new Set(slugs);
  const definitions = snapshot.definitions.filter((d) => wanted.has(d.citySlug));
  const ids = new Set(definitions.map((d) => d.cityId));
  return {
    computedAt: snapshot.computedAt,
    definitions,
    values: snapshot.values.filter((v) => ids.has(v.cityId)),
    population: snapshot.population.filter((p) => ids.has(p.cityId)),
  };
}
