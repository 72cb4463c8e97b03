import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { CommandMetadata } from '@rl/web';
import { ImportOpenSdgDto } from '../commands/import-open-sdg/import-open-sdg.dto';
import { ImportStatus } from './import.entity';

// A running import that has not reported progress for this long is taken to have lost its worker.
const STALE = '2 minutes';
// A queued import younger than this is left to its own wake-up.
const GRACE = '5 seconds';

// What the worker needs to run an import as its uploader would have: kept in the import's row.
export interface ImportRequest {
  input: ImportOpenSdgDto;
  timezone: string;
  organisationId: string;
  metadata: CommandMetadata;
}

export interface NewImport {
  id: string;
  indicatorId: string;
  organisationId: string;
  createdBy: string;
  fileName: string;
  content: Buffer;
  request: ImportRequest;
}

export interface ClaimedImport {
  id: string;
  attempts: number;
  fileName: string;
  content: Buffer | null;
  request: ImportRequest;
}

export interface ImportRow {
  id: string;
  status: ImportStatus;
  indicatorId: string;
  organisationId: string;
  createdBy: string;
  fileName: string;
  fileSize: number;
  rowsRead: number;
  percent: number;
  report: Record<string, unknown> | null;
  error: Record<string, unknown> | null;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, status, indicator_id AS "indicatorId", organisation_id AS "organisationId",
  created_by AS "createdBy", file_name AS "fileName", file_size AS "fileSize", rows_read AS "rowsRead",
  percent, report, error, created_at AS "createdAt", updated_at AS "updatedAt"`;

export interface ImportOutcomeRow {
  status: 'done' | 'rejected';
  rowsRead: number;
  report: object | null;
  error?: object;
}

// Records the outcome and drops the file, in the caller's transaction; false when the claim was lost
// (another worker took over).
export async function finishImport(
  em: EntityManager,
  cityId: CityId,
  claim: { id: string; attempts: number },
  outcome: ImportOutcomeRow,
): Promise<boolean> {
  const [rows] = await em.query<[{ id: string }[], number]>(
    `UPDATE imports SET status = $4, rows_read = $5, percent = 100, report = $6, error = $7, content = NULL,
            updated_at = now()
      WHERE tenant_id = $1 AND id = $2 AND attempts = $3 AND status = 'running'
    RETURNING id`,
    [
      cityId,
      claim.id,
      claim.attempts,
      outcome.status,
      outcome.rowsRead,
      outcome.report && JSON.stringify(outcome.report),
      outcome.error ? JSON.stringify(outcome.error) : null,
    ],
  );
  return rows.length === 1;
}

type Claim = Pick<ClaimedImport, 'id' | 'attempts'>;

// The imports table (in memory for unit tests in testing/). Only a claim's holder can move an import on.
export abstract class ImportsStore {
  abstract insert(cityId: CityId, row: NewImport): Promise<void>;
  // Takes a queued import (or one whose worker went silent); null when another worker has it or it is
  // finished. `attempts` is the claim's token.
  abstract claim(cityId: CityId, id: string): Promise<ClaimedImport | null>;
  abstract progress(
    cityId: CityId,
    id: string,
    attempts: number,
    rowsRead: number,
    percent: number,
  ): Promise<void>;
  // The outcome alone (nothing written with it): see finishImport.
  abstract finish(cityId: CityId, claim: Claim, outcome: ImportOutcomeRow): Promise<boolean>;
  // Gives an import back to the queue after an unexpected failure, so a retry can claim it at once.
  abstract release(cityId: CityId, claim: Claim): Promise<void>;
  // The stream position is known only once the events committed.
  abstract recordPosition(cityId: CityId, id: string, position: number): Promise<void>;
  abstract get(cityId: CityId, id: string, organisationId: string | null): Promise<ImportRow | null>;
  // Newest first, `limit` at a time after the id `before` (ids are UUIDv7, so time-ordered).
  abstract list(
    cityId: CityId,
    page: { before?: string; limit: number; organisationId: string | null },
  ): Promise<ImportRow[]>;
  // Imports that should be running but may have lost their job (Redis keeps nothing) or their worker.
  abstract pending(cityId: CityId): Promise<string[]>;
}

// Every statement runs in the city's transaction, so row-level security applies.
@Injectable()
export class PgImportsStore extends ImportsStore {
  constructor(private readonly db: TenantDb) {
    super();
  }

  insert(cityId: CityId, row: NewImport): Promise<void> {
    return this.db.inCity(cityId, async (em) => {
      await em.query(
        `INSERT INTO imports (tenant_id, id, indicator_id, organisation_id, created_by, file_name, file_size,
           content, request, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'queued', now(), now())`,
        [
          cityId,
          row.id,
          row.indicatorId,
          row.organisationId,
          row.createdBy,
          row.fileName,
          row.content.length,
          row.content,
          JSON.stringify(row.request),
        ],
      );
    });
  }

  async claim(cityId: CityId, id: string): Promise<ClaimedImport | null> {
    // An UPDATE answers [rows, affected count] through TypeORM.
    const [rows] = await this.db.inCity(cityId, (em) =>
      em.query<[ClaimedImport[], number]>(
        `UPDATE imports SET status = 'running', attempts = attempts + 1, updated_at = now()
          WHERE tenant_id = $1 AND id = $2
            AND (status = 'queued' OR (status = 'running' AND updated_at < now() - interval '${STALE}'))
        RETURNING id, attempts, file_name AS "fileName", content, request`,
        [cityId, id],
      ),
    );
    return rows[0] ?? null;
  }

  async progress(
    cityId: CityId,
    id: string,
    attempts: number,
    rowsRead: number,
    percent: number,
  ): Promise<void> {
    await this.db.inCity(cityId, (em) =>
      em.query(
        `UPDATE imports SET rows_read = $4, percent = $5, updated_at = now()
          WHERE tenant_id = $1 AND id = $2 AND attempts = $3 AND status = 'running'`,
        [cityId, id, attempts, rowsRead, percent],
      ),
    );
  }

  finish(cityId: CityId, claim: Claim, outcome: ImportOutcomeRow): Promise<boolean> {
    return this.db.inCity(cityId, (em) => finishImport(em, cityId, claim, outcome));
  }

  async release(cityId: CityId, claim: Claim): Promise<void> {
    await this.db.inCity(cityId, (em) =>
      em.query(
        `UPDATE imports SET status = 'queued', updated_at = now()
          WHERE tenant_id = $1 AND id = $2 AND attempts = $3 AND status = 'running'`,
        [cityId, claim.id, claim.attempts],
      ),
    );
  }

  async recordPosition(cityId: CityId, id: string, position: number): Promise<void> {
    await this.db.inCity(cityId, (em) =>
      em.query(
        `UPDATE imports SET report = jsonb_set(report, '{position}', to_jsonb($3::bigint))
          WHERE tenant_id = $1 AND id = $2 AND report IS NOT NULL`,
        [cityId, id, position],
      ),
    );
  }

  async get(cityId: CityId, id: string, organisationId: string | null): Promise<ImportRow | null> {
    const rows = await this.db.inCity(cityId, (em) =>
      em.query<ImportRow[]>(
        `SELECT ${COLUMNS} FROM imports
          WHERE tenant_id = $1 AND id = $2 AND ($3::uuid IS NULL OR organisation_id = $3)`,
        [cityId, id, organisationId],
      ),
    );
    return rows[0] ?? null;
  }

  list(
    cityId: CityId,
    page: { before?: string; limit: number; organisationId: string | null },
  ): Promise<ImportRow[]> {
    return this.db.inCity(cityId, (em) =>
      em.query<ImportRow[]>(
        `SELECT ${COLUMNS} FROM imports
          WHERE tenant_id = $1 AND ($2::uuid IS NULL OR id < $2) AND ($3::uuid IS NULL OR organisation_id = $3)
          ORDER BY id DESC LIMIT $4`,
        [cityId, page.before ?? null, page.organisationId, page.limit],
      ),
    );
  }

  async pending(cityId: CityId): Promise<string[]> {
    const rows = await this.db.inCity(cityId, (em) =>
      em.query<{ id: string }[]>(
        `SELECT id FROM imports
          WHERE tenant_id = $1 AND ((status = 'queued' AND updated_at < now() - interval '${GRACE}')
             OR (status = 'running' AND updated_at < now() - interval '${STALE}'))`,
        [cityId],
      ),
    );
    return rows.map((r) => r.id);
  }
}
