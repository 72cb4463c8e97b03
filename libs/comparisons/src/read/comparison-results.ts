import { Injectable } from '@nestjs/common';
import { compareCities } from '../domain/compare';
import type { PublishedDefinition } from '../domain/comparison.types';
import type { Audience } from '../jobs/recompute-comparison.handler';
import {
  ComparisonReadModel,
  Published,
  Shown,
  StoredRows,
  StoredSnapshot,
} from '../persistence/comparison-results.repository';

const keyOf = ({ cityId, indicatorId }: Published) => `${cityId}/${indicatorId}`;

// The comparison read model (comparison_results) as the workers left it. It holds only what cities
// published, per audience, so a read picks its audience's row and nothing else; a code nobody published
// for that audience has no row at all, whatever a city keeps unpublished. A stored comparison may be
// older than a withdrawal (its recomputation is pending, or failing): every read checks the stored cities
// against what the audience's reader role sees of the code now (the published tables, whose policies
// honour the flags written with each publication change), and computes without those withdrawn.
@Injectable()
export class ComparisonResults {
  constructor(private readonly readModel: ComparisonReadModel) {}

  // One period's rows, each city's direction (to re-rank a subset) and the indicators shown.
  async rows(
    audience: Audience,
    framework: string,
    code: string,
    period: string,
  ): Promise<(StoredRows & { published: Shown[] }) | null> {
    const stored = await this.readModel.storedRows({ audience, framework, code }, period);
    if (!stored) return null;
    const visible = await this.visible(audience, framework, code);
    if (stored.published.every((p) => visible.has(keyOf(p)))) return stored;
    const snapshot = await this.snapshot(audience, framework, code, visible);
    if (snapshot === null) return null;
    return {
      computedAt: snapshot.computedAt,
      rows: compareCities({ ...snapshot, period }),
      directions: Object.fromEntries(snapshot.definitions.map((d) => [d.citySlug, d.direction])),
      published: snapshot.definitions,
    };
  }

  // Everything the comparison was computed from: definitions, values and population.
  async snapshot(
    audience: Audience,
    framework: string,
    code: string,
    visible?: ReadonlySet<string>,
  ): Promise<StoredSnapshot | null> {
    const row = await this.readModel.storedSnapshot({ audience, framework, code });
    if (!row) return null;
    const shown = visible ?? (await this.visible(audience, framework, code));
    const definitions = row.definitions.filter((d) => shown.has(keyOf(d)));
    if (definitions.length === row.definitions.length) return row;
    return definitions.length === 0 ? null : keep(row, definitions);
  }

  // The cities' indicators the audience may see under the code at this moment.
  private async visible(audience: Audience, framework: string, code: string): Promise<Set<string>> {
    const rows = await this.readModel.visible({ audience, framework, code });
    return new Set(rows.map(keyOf));
  }
}

// The part of a snapshot that belongs to the given definitions.
function keep(snapshot: StoredSnapshot, definitions: PublishedDefinition[]): StoredSnapshot {
  const ids = new Set(definitions.map((d) => d.cityId));
  return {
    computedAt: snapshot.computedAt,
    definitions,
    values: snapshot.values.filter((v) => ids.has(v.cityId)),
    population: snapshot.population.filter((p) => ids.has(p.cityId)),
  };
}

// Keeps the given cities' part of a snapshot (all of it without a filter).
export function onlyCities(snapshot: StoredSnapshot, slugs: readonly string[] | undefined): StoredSnapshot {
  if (slugs === undefined) return snapshot;
  const wanted = new Set(slugs);
  return keep(
    snapshot,
    snapshot.definitions.filter((d) => wanted.has(d.citySlug)),
  );
}
