import { Injectable } from '@nestjs/common';
import { asCityId, CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';

export interface PageCity {
  id: CityId;
  slug: string;
  name: string;
  locale: string;
}

type Localised = Record<string, string>;

// What the published tables do not carry of a public indicator: its texts in every language, its right,
// its glossary links and who submitted its validated values.
export interface IndicatorDetails {
  id: string;
  code: string;
  name: Localised;
  description: Localised | null;
  right: string;
  direction: string;
  methodology: string | null;
  source: string | null;
  terms: string[];
  submitters: string[];
}

export interface PublicTerm {
  id: string;
  prefLabel: Localised;
  definition: Localised;
}

export interface PublicComment {
  body: string;
  authorRole: string | null;
  organisation: string | null;
  createdAt: Date;
}

export interface PublicDataset {
  id: string;
  title: string;
  description: string;
  licence: string;
  accessUrl: string | null;
}

export interface PublicProject {
  title: string;
  organisation: string | null;
  amount: number;
  currency: string;
  expected: string;
}

// What the public pages show. Which indicators are public, and the datasets, projects and glossary
// terms a city published, are read as the public reader role (its policies show public rows only);
// what the published tables do not carry (the indicator's texts, right and links, submitters' and
// authors' organisation names, comments marked public) is then read in the city, for those public
// indicator ids only — as the DCAT-AP catalogue reads its details.
export abstract class PublicPageSources {
  abstract city(slug: string): Promise<PageCity | null>;
  // The city's public indicators: id by code.
  abstract publicIndicators(cityId: CityId): Promise<Map<string, string>>;
  abstract details(cityId: CityId, ids: readonly string[]): Promise<IndicatorDetails[]>;
  // Adopted terms of the city's published glossary among the ids.
  abstract terms(cityId: CityId, ids: readonly string[]): Promise<PublicTerm[]>;
  abstract comments(cityId: CityId, indicatorId: string): Promise<PublicComment[]>;
  abstract datasets(cityId: CityId, indicatorId: string): Promise<PublicDataset[]>;
  abstract projects(cityId: CityId, indicatorId: string): Promise<PublicProject[]>;
}

@Injectable()
export class PgPublicPageSources implements PublicPageSources {
  constructor(private readonly db: TenantDb) {}

  async city(slug: string): Promise<PageCity | null> {
    const [city] = await this.db.platform((em) =>
      em.query<PageCity[]>(`SELECT id, slug, name, default_locale AS locale FROM cities WHERE slug = $1`, [
        slug,
      ]),
    );
    return city ? { ...city, id: asCityId(city.id) } : null;
  }

  async publicIndicators(cityId: CityId): Promise<Map<string, string>> {
    const rows = await this.db.published('public', (em) =>
      em.query<{ id: string; code: string }[]>(
        `SELECT DISTINCT indicator_id AS id, definition->>'indicatorCode' AS code
           FROM published_indicators WHERE tenant_id = $1 AND public`,
        [cityId],
      ),
    );
    return new Map(rows.map((r) => [r.code, r.id]));
  }

  details(cityId: CityId, ids: readonly string[]): Promise<IndicatorDetails[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.inCity(cityId, (em) =>
      em.query<IndicatorDetails[]>(
        `SELECT d.id, d.code, d.name, d.description, d."right", d.direction, d.methodology, d.source, d.terms,
                COALESCE((SELECT array_agg(DISTINCT o.name ORDER BY o.name)
                            FROM submissions s JOIN organisations o ON o.tenant_id = s.tenant_id AND o.id = s.organisation_id
                           WHERE s.tenant_id = d.tenant_id AND s.indicator_id = d.id AND s.status = 'validated'),
                         '{}') AS submitters
           FROM indicators d WHERE d.tenant_id = $1 AND d.id = ANY($2::uuid[])
          ORDER BY d."right", d.code`,
        [cityId, ids],
      ),
    );
  }

  terms(cityId: CityId, ids: readonly string[]): Promise<PublicTerm[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.published('public', (em) =>
      em.query<PublicTerm[]>(
        `SELECT id, content->'prefLabel' AS "prefLabel", content->'definition' AS definition
           FROM glossary_terms WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND status = 'adopted' ORDER BY id`,
        [cityId, ids],
      ),
    );
  }

  // Comments on the indicator itself that their authors marked public and did not retract; authors
  // shown by organisation and role, never by name.
  comments(cityId: CityId, indicatorId: string): Promise<PublicComment[]> {
    return this.db.inCity(cityId, (em) =>
      em.query<PublicComment[]>(
        `SELECT c.body, c.author_role AS "authorRole", o.name AS organisation, c.created_at AS "createdAt"
           FROM comments c
           LEFT JOIN organisations o ON o.tenant_id = c.tenant_id AND o.id = c.author_organisation_id
          WHERE c.tenant_id = $1 AND c.target_kind = 'indicator' AND c.target_id = $2
            AND c.visibility = 'public' AND NOT c.retracted
          ORDER BY c.created_at, c.id`,
        [cityId, indicatorId],
      ),
    );
  }

  datasets(cityId: CityId, indicatorId: string): Promise<PublicDataset[]> {
    return this.db.published('public', (em) =>
      em.query<PublicDataset[]>(
        `SELECT id, title, description, licence, access_url AS "accessUrl" FROM datasets
          WHERE tenant_id = $1 AND public AND indicators ? $2 ORDER BY title, id`,
        [cityId, indicatorId],
      ),
    );
  }

  async projects(cityId: CityId, indicatorId: string): Promise<PublicProject[]> {
    const rows = await this.db.published('public', (em) =>
      em.query<(Omit<PublicProject, 'organisation'> & { organisationId: string })[]>(
        `SELECT p.title, p.organisation_id AS "organisationId", p.amount, p.currency, c->>'expected' AS expected
           FROM funded_projects p, jsonb_array_elements(p.contributions) c
          WHERE p.tenant_id = $1 AND c->>'indicatorId' = $2 ORDER BY p.title, p.id`,
        [cityId, indicatorId],
      ),
    );
    if (rows.length === 0) return [];
    // Organisations are not personal data: the name of the one a project funds is public with it.
    const names = await this.db.inCity(cityId, (em) =>
      em.query<{ id: string; name: string }[]>(
        `SELECT id, name FROM organisations WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
        [cityId, [...new Set(rows.map((r) => r.organisationId))]],
      ),
    );
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    return rows.map(({ organisationId, ...r }) => ({
      ...r,
      organisation: nameOf.get(organisationId) ?? null,
    }));
  }
}
