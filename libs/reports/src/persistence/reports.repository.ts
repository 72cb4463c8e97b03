import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { Erratum, PublicErratum } from '../content/errata';
import { CommentBodies, commentIdsOf } from '../domain/report-content';
import { ReportRecord } from './reports.entities';

export type StoredReport = Omit<ReportRecord, 'tenantId' | 'createdAt' | 'updatedAt' | 'used'>;
export type ReportSummaryRow = Pick<
  StoredReport,
  'id' | 'year' | 'title' | 'status' | 'published' | 'position' | 'contentHash' | 'generatedAt'
>;
export type ReportWithErrata = StoredReport & { errata: PublicErratum[]; commentBodies: CommentBodies };

const COLUMNS = `id, version, year, title, sections, requested_by AS "requestedBy", status, position,
  head_hash AS "headHash", checkpoint, content_hash AS "contentHash", generated_at AS "generatedAt", content,
  error, published`;

// The words of public, unretracted comments among `ids` (a retracted or erased one has none to show).
async function commentBodies(em: EntityManager, cityId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await em.query<{ id: string; body: string }[]>(
    `SELECT id, body FROM comments
      WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND visibility = 'public' AND NOT retracted`,
    [cityId, ids],
  );
  return new Map(rows.map((r) => [r.id, r.body]));
}

async function withErrata(em: EntityManager, cityId: string, id: string): Promise<ReportWithErrata | null> {
  const [report] = await em.query<StoredReport[]>(
    `SELECT ${COLUMNS} FROM reports WHERE tenant_id = $1 AND id = $2`,
    [cityId, id],
  );
  if (!report) return null;
  const errata = await em.query<(Omit<Erratum, 'key' | 'correctedAt'> & { correctedAt: Date })[]>(
    `SELECT indicator_code AS "indicatorCode", period, disaggregation, old_value AS "oldValue",
            new_value AS "newValue", corrected_at AS "correctedAt", reason
       FROM report_errata WHERE tenant_id = $1 AND report_id = $2
      ORDER BY position, indicator_code, period, key`,
    [cityId, id],
  );
  return {
    ...report,
    errata: errata.map((e) => ({ ...e, correctedAt: e.correctedAt.toISOString() })),
    commentBodies: await commentBodies(em, cityId, report.content ? commentIdsOf(report.content) : []),
  };
}

// Newest first (ids are UUIDv7), `limit` + 1 after the id `before`; through the anonymous reader the
// policies leave only published ones.
const listReports = (em: EntityManager, cityId: string, before: string | undefined, limit: number) =>
  em.query<ReportSummaryRow[]>(
    `SELECT id, year, title, status, published, position, content_hash AS "contentHash",
            generated_at AS "generatedAt"
       FROM reports WHERE tenant_id = $1 AND ($2::uuid IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
    [cityId, before ?? null, limit + 1],
  );

// The reports read model: members read their city's, the anonymous reader role only published ones
// (its policies), never with RLS off.
@Injectable()
export class ReportsRepository {
  constructor(private readonly db: TenantDb) {}

  ofCity(cityId: CityId, id: string): Promise<ReportWithErrata | null> {
    return this.db.inCity(cityId, (em) => withErrata(em, cityId, id));
  }

  list(cityId: CityId, before: string | undefined, limit: number): Promise<ReportSummaryRow[]> {
    return this.db.inCity(cityId, (em) => listReports(em, cityId, before, limit));
  }

  // null: no such city.
  async publishedList(
    citySlug: string,
    before: string | undefined,
    limit: number,
  ): Promise<ReportSummaryRow[] | null> {
    const cityId = await this.cityIdOf(citySlug);
    if (!cityId) return null;
    return this.db.published('public', (em) => listReports(em, cityId, before, limit));
  }

  async published(citySlug: string, id: string): Promise<ReportWithErrata | null> {
    const cityId = await this.cityIdOf(citySlug);
    if (!cityId) return null;
    return this.db.published('public', (em) => withErrata(em, cityId, id));
  }

  private async cityIdOf(slug: string): Promise<string | undefined> {
    const [city] = await this.db.platform((em) =>
      em.query<{ id: string }[]>(`SELECT id FROM cities WHERE slug = $1`, [slug]),
    );
    return city?.id;
  }
}
