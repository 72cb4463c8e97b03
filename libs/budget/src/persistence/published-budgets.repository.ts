import { Injectable } from '@nestjs/common';
import { TenantDb } from '@rl/persistence';
import { Contribution, Criterion } from '../domain/budget.events';

export interface PublicLineRow {
  id: string;
  code: string;
  title: string;
  year: number;
  amount: number;
  currency: string;
  indicators: string[];
  committed: number;
}
export interface PublicCallRow {
  id: string;
  budgetLineId: string;
  title: string;
  opens: Date;
  closes: Date;
  criteria: Criterion[];
}
export interface PublicProjectRow {
  id: string;
  callId: string;
  organisationId: string;
  title: string;
  amount: number;
  currency: string;
  contributions: Contribution[];
}
export interface PublicIndicatorRow {
  id: string;
  code: string;
  name: string;
}

// What a city publishes of its budget, read as the anonymous reader role: its policies show only
// lines marked public in budget_publication and the calls and projects under them, never RLS off.
export abstract class PublishedBudgets {
  abstract cityId(slug: string): Promise<string | null>;
  // Published lines by year, code and id after the key; at most limit + 1.
  abstract lines(
    cityId: string,
    after: readonly (string | number)[] | undefined,
    limit: number,
  ): Promise<PublicLineRow[]>;
  abstract calls(cityId: string, lineIds: readonly string[]): Promise<PublicCallRow[]>;
  abstract projects(cityId: string, lineIds: readonly string[]): Promise<PublicProjectRow[]>;
  // The city's public indicators among the ids, with code and name from the public catalogue.
  abstract indicators(cityId: string, ids: readonly string[]): Promise<PublicIndicatorRow[]>;
}

@Injectable()
export class PgPublishedBudgets implements PublishedBudgets {
  constructor(private readonly db: TenantDb) {}

  async cityId(slug: string): Promise<string | null> {
    const [city] = await this.db.platform((em) =>
      em.query<{ id: string }[]>(`SELECT id FROM cities WHERE slug = $1`, [slug]),
    );
    return city?.id ?? null;
  }

  lines(cityId: string, after: readonly (string | number)[] | undefined, limit: number) {
    const params: unknown[] = [cityId, limit + 1];
    const keyset = after ? `AND (year, code, id) > ($3, $4, $5)` : '';
    if (after) params.push(...after);
    return this.db.published('public', (em) =>
      em.query<PublicLineRow[]>(
        `SELECT id, code, title, year, amount, currency, indicators, committed FROM budget_lines
          WHERE tenant_id = $1 ${keyset} ORDER BY year, code, id LIMIT $2`,
        params,
      ),
    );
  }

  calls(cityId: string, lineIds: readonly string[]) {
    return this.db.published('public', (em) =>
      em.query<PublicCallRow[]>(
        `SELECT id, budget_line_id AS "budgetLineId", title, opens, closes, criteria FROM budget_calls
          WHERE tenant_id = $1 AND budget_line_id = ANY($2::uuid[]) ORDER BY id`,
        [cityId, lineIds],
      ),
    );
  }

  projects(cityId: string, lineIds: readonly string[]) {
    return this.db.published('public', (em) =>
      em.query<PublicProjectRow[]>(
        `SELECT id, call_id AS "callId", organisation_id AS "organisationId", title, amount, currency, contributions
           FROM funded_projects WHERE tenant_id = $1 AND budget_line_id = ANY($2::uuid[]) ORDER BY id`,
        [cityId, lineIds],
      ),
    );
  }

  indicators(cityId: string, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.published('public', (em) =>
      em.query<PublicIndicatorRow[]>(
        `SELECT DISTINCT ON (indicator_id) indicator_id AS id, definition->>'indicatorCode' AS code,
                definition->>'name' AS name
           FROM published_indicators WHERE tenant_id = $1 AND public AND indicator_id = ANY($2::uuid[])
          ORDER BY indicator_id`,
        [cityId, ids],
      ),
    );
  }
}
