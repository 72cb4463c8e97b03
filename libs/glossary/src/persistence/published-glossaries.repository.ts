import { Injectable } from '@nestjs/common';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { TermContent, TermMatch, TermStatus } from '../domain/glossary-term.events';

export interface CityRef {
  id: string;
  slug: string;
  name: string;
}

export interface PublishedTerm {
  id: string;
  status: TermStatus;
  content: TermContent;
  replacedBy: string | null;
  matches: TermMatch[];
  updatedAt: Date;
}

// Cities by slug and id (platform table), and what cities publish of their glossaries, read as a reader
// role: its policies show only adopted and deprecated terms of a public glossary, never RLS off.
export abstract class PublishedGlossaries {
  abstract city(slug: string): Promise<CityRef | null>;
  abstract slugs(ids: readonly string[]): Promise<Map<string, string>>;
  abstract terms(cityId: string): Promise<PublishedTerm[]>;
  // Whether a term is an adopted term of that city's published glossary.
  abstract isAdoptedAndPublished(cityId: string, termId: string): Promise<boolean>;
  // Whether the city publishes its glossary.
  abstract isPublic(cityId: string): Promise<boolean>;
}

@Injectable()
export class PgPublishedGlossaries implements PublishedGlossaries {
  constructor(private readonly db: TenantDb) {}

  async city(slug: string): Promise<CityRef | null> {
    const [city] = await this.db.platform((em) =>
      em.query<CityRef[]>(`SELECT id, slug, name FROM cities WHERE slug = $1`, [slug]),
    );
    return city ?? null;
  }

  async slugs(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.platform((em) =>
      em.query<{ id: string; slug: string }[]>(`SELECT id, slug FROM cities WHERE id = ANY($1::uuid[])`, [
        ids,
      ]),
    );
    return new Map(rows.map((r) => [r.id, r.slug]));
  }

  terms(cityId: CityId | string): Promise<PublishedTerm[]> {
    return this.db.published('public', (em) =>
      em.query<PublishedTerm[]>(
        `SELECT id, status, content, replaced_by AS "replacedBy", matches, updated_at AS "updatedAt"
           FROM glossary_terms WHERE tenant_id = $1 ORDER BY id`,
        [cityId],
      ),
    );
  }

  async isAdoptedAndPublished(cityId: string, termId: string): Promise<boolean> {
    const rows = await this.db.published('members', (em) =>
      em.query<unknown[]>(
        `SELECT 1 FROM glossary_terms WHERE tenant_id = $1 AND id = $2 AND status = 'adopted'`,
        [cityId, termId],
      ),
    );
    return rows.length > 0;
  }

  async isPublic(cityId: string): Promise<boolean> {
    const rows = await this.db.published('public', (em) =>
      em.query<unknown[]>(`SELECT 1 FROM glossary_publication WHERE tenant_id = $1`, [cityId]),
    );
    return rows.length > 0;
  }
}
