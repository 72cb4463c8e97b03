import { Injectable } from '@nestjs/common';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';

export interface CatalogCityRow {
  id: CityId;
  slug: string;
  name: string;
  locale: string;
  countryCode: string;
}

export interface PublicSeriesRow {
  id: string;
  code: string;
  name: Record<string, string>;
  description: Record<string, string> | null;
  right: string;
  unit: string;
  frameworkRefs: string[];
  // Codes of the periods with a public validated value.
  periods: string[];
  issued: Date;
  modified: Date;
}

export interface PublicDatasetRow {
  id: string;
  kind: string;
  title: string;
  description: string;
  owner: string;
  ownerName: string | null;
  sector: string;
  licence: string;
  updateFrequency: string;
  accessUrl: string | null;
  format: string | null;
  temporalFrom: string | null;
  temporalTo: string | null;
  spatialCoverage: { label?: string; scheme?: string; code?: string } | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface DatasetStats {
  count: number;
  modified: Date | null;
}

// The events that change what a series' catalogue entry says: its definition, its publication, its values.
const SERIES_EVENTS = ['IndicatorDefined', 'IndicatorRedefined', 'PublicationChanged', 'SubmissionValidated'];

// What a city's catalogue shows. Which indicators and datasets are public, and their values, are read as
// the public reader role (its policies show public rows only); what the published tables do not carry
// (the definition's texts in every language, its right, the log's times, the owners' names) is then read
// in the city, for those ids only.
export abstract class CatalogSources {
  abstract city(slug: string): Promise<CatalogCityRow | null>;
  abstract series(cityId: CityId, modifiedSince: Date | null): Promise<PublicSeriesRow[]>;
  // How many public datasets changed since (all without a date), and the last change among them.
  abstract datasetStats(cityId: CityId, modifiedSince: Date | null): Promise<DatasetStats>;
  // In catalogue order (first catalogued first).
  abstract datasets(
    cityId: CityId,
    modifiedSince: Date | null,
    offset: number,
    limit: number,
  ): Promise<PublicDatasetRow[]>;
}

@Injectable()
export class PgCatalogSources implements CatalogSources {
  constructor(private readonly db: TenantDb) {}

  async city(slug: string): Promise<CatalogCityRow | null> {
    const [city] = await this.db.platform((em) =>
      em.query<CatalogCityRow[]>(
        `SELECT id, slug, name, default_locale AS locale, country_code AS "countryCode" FROM cities WHERE slug = $1`,
        [slug],
      ),
    );
    return city ?? null;
  }

  async series(cityId: CityId, modifiedSince: Date | null): Promise<PublicSeriesRow[]> {
    const published = await this.db.published('public', (em) =>
      em.query<{ id: string; unit: string; frameworkRefs: string[]; periods: string[] }[]>(
        `SELECT i.indicator_id AS id, (array_agg(i.definition ->> 'unit'))[1] AS unit,
                COALESCE(array_agg(DISTINCT i.framework || ':' || i.code) FILTER (WHERE i.framework <> ''), '{}') AS "frameworkRefs",
                COALESCE((SELECT array_agg(DISTINCT v.period) FROM published_values v
                           WHERE v.tenant_id = i.tenant_id AND v.indicator_id = i.indicator_id AND v.public), '{}') AS periods
           FROM published_indicators i WHERE i.tenant_id = $1 AND i.public
          GROUP BY i.tenant_id, i.indicator_id`,
        [cityId],
      ),
    );
    if (published.length === 0) return [];
    const ids = published.map((p) => p.id);
    const details = await this.db.inCity(cityId, (em) =>
      em.query<
        Pick<PublicSeriesRow, 'id' | 'code' | 'name' | 'description' | 'right' | 'issued' | 'modified'>[]
      >(
        `SELECT d.id, d.code, d.name, d.description, d."right", e.issued, e.modified
           FROM indicators d
           JOIN (SELECT data ->> 'indicatorId' AS id, min(recorded_at) AS issued, max(recorded_at) AS modified
                   FROM events WHERE tenant_id = $1 AND type = ANY($3) AND data ->> 'indicatorId' = ANY($5::text[])
                  GROUP BY 1) e ON e.id = d.id::text
          WHERE d.tenant_id = $1 AND d.id = ANY($2::uuid[])
            AND ($4::timestamptz IS NULL OR e.modified >= $4)
          ORDER BY d.code, d.id`,
        [cityId, ids, SERIES_EVENTS, modifiedSince, ids],
      ),
    );
    const byId = new Map(published.map((p) => [p.id, p]));
    return details.map((d) => {
      const { unit, frameworkRefs, periods } = byId.get(d.id) as (typeof published)[number];
      return { ...d, unit, frameworkRefs: [...frameworkRefs].sort(), periods };
    });
  }

  async datasetStats(cityId: CityId, modifiedSince: Date | null): Promise<DatasetStats> {
    const [row] = await this.db.published('public', (em) =>
      em.query<DatasetStats[]>(
        `SELECT count(*)::int AS count, max(updated_at) AS modified FROM datasets
          WHERE tenant_id = $1 AND public AND ($2::timestamptz IS NULL OR updated_at >= $2)`,
        [cityId, modifiedSince],
      ),
    );
    return row;
  }

  async datasets(
    cityId: CityId,
    modifiedSince: Date | null,
    offset: number,
    limit: number,
  ): Promise<PublicDatasetRow[]> {
    const rows = await this.db.published('public', (em) =>
      em.query<Omit<PublicDatasetRow, 'ownerName'>[]>(
        `SELECT id, kind, title, description, owner, sector, licence, update_frequency AS "updateFrequency",
                access_url AS "accessUrl", format, to_char(temporal_from, 'YYYY-MM-DD') AS "temporalFrom",
                to_char(temporal_to, 'YYYY-MM-DD') AS "temporalTo", spatial_coverage AS "spatialCoverage",
                created_at AS "createdAt", updated_at AS "updatedAt"
           FROM datasets WHERE tenant_id = $1 AND public AND ($2::timestamptz IS NULL OR updated_at >= $2)
          ORDER BY created_at, id OFFSET $3 LIMIT $4`,
        [cityId, modifiedSince, offset, limit],
      ),
    );
    if (rows.length === 0) return [];
    // Organisations are not personal data; their names are what a harvester shows as the publisher.
    const owners = await this.db.inCity(cityId, (em) =>
      em.query<{ id: string; name: string }[]>(
        `SELECT id, name FROM organisations WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
        [cityId, [...new Set(rows.map((r) => r.owner))]],
      ),
    );
    const names = new Map(owners.map((o) => [o.id, o.name]));
    return rows.map((r) => ({ ...r, ownerName: names.get(r.owner) ?? null }));
  }
}
