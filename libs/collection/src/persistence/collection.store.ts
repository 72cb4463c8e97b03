import { Injectable } from '@nestjs/common';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { IngestRecord } from '../domain/ingest-decision';
import { CollectionConnectionRecord, CollectionRunRecord, RunTrigger } from './collection.entities';

export interface NewSecrets {
  connectionId: string;
  credentials: Buffer;
  pushTokenHash: string | null;
}

export interface LeasedConnection {
  credentials: Buffer;
  highWater: string | null;
}

export interface RunCounts {
  created: number;
  corrected: number;
  ignored: number;
  rejected: number;
  rejections: { logicalId: string; reason: string }[];
}

export type RunRow = Omit<CollectionRunRecord, 'tenantId' | 'payload'>;
export type ConnectionRow = Omit<CollectionConnectionRecord, 'tenantId'>;

// How long a pull may hold its connection without finishing before another may take it over.
const LEASE = '30 minutes';
const RUN_COLUMNS = `id, connection_id AS "connectionId", trigger, status, created_at AS "createdAt",
  started_at AS "startedAt", finished_at AS "finishedAt", created, corrected, ignored, rejected, rejections,
  error`;
const CONNECTION_COLUMNS = `id, version, created_at AS "createdAt", updated_at AS "updatedAt", kind,
  server_url AS "serverUrl", form_id AS "formId", label, assignment_id AS "assignmentId",
  indicator_id AS "indicatorId", organisation_id AS "organisationId", period_id AS "periodId", scheduled,
  status, created_by AS "createdBy"`;

// The tables of collection connections other than their read model: secrets, runs and records. Every
// statement runs in the city's transaction, so row-level security applies.
export abstract class CollectionStore {
  abstract saveSecrets(cityId: CityId, secrets: NewSecrets): Promise<void>;
  // The connection a push token names, or null (disconnecting forgets the token).
  abstract pushTarget(cityId: CityId, tokenHash: string): Promise<string | null>;
  abstract forgetPushToken(cityId: CityId, connectionId: string): Promise<void>;
  abstract connection(cityId: CityId, id: string): Promise<ConnectionRow | null>;
  abstract connections(cityId: CityId, page: { after?: string; limit: number }): Promise<ConnectionRow[]>;
  abstract addRun(
    cityId: CityId,
    run: { id: string; connectionId: string; trigger: RunTrigger; payload?: unknown },
  ): Promise<void>;
  // Newest first, before the run id `before` (UUIDv7: time-ordered).
  abstract runs(
    cityId: CityId,
    connectionId: string,
    page: { before?: string; limit: number },
  ): Promise<RunRow[]>;
  // Takes the connection for one pull at a time; null when another pull holds it.
  abstract lease(cityId: CityId, connectionId: string): Promise<LeasedConnection | null>;
  abstract release(cityId: CityId, connectionId: string, highWater: string | null): Promise<void>;
  // The oldest queued run, now running, with a push's payload.
  abstract startNextRun(
    cityId: CityId,
    connectionId: string,
  ): Promise<{ id: string; trigger: RunTrigger; payload: unknown } | null>;
  abstract finishRun(cityId: CityId, runId: string, counts: RunCounts, error: string | null): Promise<void>;
  abstract record(cityId: CityId, connectionId: string, logicalId: string): Promise<IngestRecord | undefined>;
  abstract saveRecord(
    cityId: CityId,
    connectionId: string,
    logicalId: string,
    record: IngestRecord,
  ): Promise<void>;
  // Active connections with queued runs (their job may be lost), and scheduled ones.
  abstract pending(cityId: CityId): Promise<{ id: string; queued: boolean; scheduled: boolean }[]>;
}

@Injectable()
export class PgCollectionStore extends CollectionStore {
  constructor(private readonly db: TenantDb) {
    super();
  }

  async saveSecrets(cityId: CityId, s: NewSecrets): Promise<void> {
    await this.db.inCity(cityId, (em) =>
      em.query(
        `INSERT INTO collection_connection_secrets (tenant_id, connection_id, credentials, push_token_hash)
         VALUES ($1, $2, $3, $4)`,
        [cityId, s.connectionId, s.credentials, s.pushTokenHash],
      ),
    );
  }

  async pushTarget(cityId: CityId, tokenHash: string): Promise<string | null> {
    const rows = await this.db.inCity(cityId, (em) =>
      em.query<{ id: string }[]>(
        `SELECT connection_id AS id FROM collection_connection_secrets
          WHERE tenant_id = $1 AND push_token_hash = $2`,
        [cityId, tokenHash],
      ),
    );
    return rows[0]?.id ?? null;
  }

  async forgetPushToken(cityId: CityId, connectionId: string): Promise<void> {
    await this.db.inCity(cityId, (em) =>
      em.query(
        `UPDATE collection_connection_secrets SET push_token_hash = NULL WHERE tenant_id = $1 AND connection_id = $2`,
        [cityId, connectionId],
      ),
    );
  }

  async connection(cityId: CityId, id: string): Promise<ConnectionRow | null> {
    const rows = await this.db.inCity(cityId, (em) =>
      em.query<ConnectionRow[]>(
        `SELECT ${CONNECTION_COLUMNS} FROM collection_connections WHERE tenant_id = $1 AND id = $2`,
        [cityId, id],
      ),
    );
    return rows[0] ?? null;
  }

  connections(cityId: CityId, page: { after?: string; limit: number }): Promise<ConnectionRow[]> {
    return this.db.inCity(cityId, (em) =>
      em.query<ConnectionRow[]>(
        `SELECT ${CONNECTION_COLUMNS} FROM collection_connections
          WHERE tenant_id = $1 AND ($2::uuid IS NULL OR id > $2) ORDER BY id LIMIT $3`,
        [cityId, page.after ?? null, page.limit],
      ),
    );
  }

  async addRun(
    cityId: CityId,
    run: { id: string; connectionId: string; trigger: RunTrigger; payload?: unknown },
  ): Promise<void> {
    await this.db.inCity(cityId, (em) =>
      em.query(
        `INSERT INTO collection_runs (tenant_id, id, connection_id, trigger, status, created_at, payload)
         VALUES ($1, $2, $3, $4, 'queued', now(), $5)`,
        [
          cityId,
          run.id,
          run.connectionId,
          run.trigger,
          run.payload === undefined ? null : JSON.stringify(run.payload),
        ],
      ),
    );
  }

  runs(cityId: CityId, connectionId: string, page: { before?: string; limit: number }): Promise<RunRow[]> {
    return this.db.inCity(cityId, (em) =>
      em.query<RunRow[]>(
        `SELECT ${RUN_COLUMNS} FROM collection_runs
          WHERE tenant_id = $1 AND connection_id = $2 AND ($3::uuid IS NULL OR id < $3)
          ORDER BY id DESC LIMIT $4`,
        [cityId, connectionId, page.before ?? null, page.limit],
      ),
    );
  }

  async lease(cityId: CityId, connectionId: string): Promise<LeasedConnection | null> {
    const [rows] = await this.db.inCity(cityId, (em) =>
      em.query<[LeasedConnection[], number]>(
        `UPDATE collection_connection_secrets SET lease_until = now() + interval '${LEASE}'
          WHERE tenant_id = $1 AND connection_id = $2 AND (lease_until IS NULL OR lease_until < now())
        RETURNING credentials, high_water AS "highWater"`,
        [cityId, connectionId],
      ),
    );
    return rows[0] ?? null;
  }

  async release(cityId: CityId, connectionId: string, highWater: string | null): Promise<void> {
    await this.db.inCity(cityId, (em) =>
      em.query(
        `UPDATE collection_connection_secrets SET lease_until = NULL, high_water = COALESCE($3, high_water)
          WHERE tenant_id = $1 AND connection_id = $2`,
        [cityId, connectionId, highWater],
      ),
    );
  }

  async startNextRun(
    cityId: CityId,
    connectionId: string,
  ): Promise<{ id: string; trigger: RunTrigger; payload: unknown } | null> {
    const [rows] = await this.db.inCity(cityId, (em) =>
      em.query<[{ id: string; trigger: RunTrigger; payload: unknown }[], number]>(
        `UPDATE collection_runs SET status = 'running', started_at = now()
          WHERE tenant_id = $1 AND id = (SELECT id FROM collection_runs
                 WHERE tenant_id = $1 AND connection_id = $2 AND status = 'queued' ORDER BY id LIMIT 1)
        RETURNING id, trigger, payload`,
        [cityId, connectionId],
      ),
    );
    return rows[0] ?? null;
  }

  async finishRun(cityId: CityId, runId: string, c: RunCounts, error: string | null): Promise<void> {
    await this.db.inCity(cityId, (em) =>
      em.query(
        `UPDATE collection_runs SET status = $3, finished_at = now(), created = $4, corrected = $5,
                ignored = $6, rejected = $7, rejections = $8, error = $9, payload = NULL
          WHERE tenant_id = $1 AND id = $2`,
        [
          cityId,
          runId,
          error === null ? 'done' : 'failed',
          c.created,
          c.corrected,
          c.ignored,
          c.rejected,
          JSON.stringify(c.rejections),
          error,
        ],
      ),
    );
  }

  async record(cityId: CityId, connectionId: string, logicalId: string): Promise<IngestRecord | undefined> {
    const rows = await this.db.inCity(cityId, (em) =>
      em.query<IngestRecord[]>(
        `SELECT edit_id AS "editId", submission_id AS "submissionId", fingerprint FROM collection_records
          WHERE tenant_id = $1 AND connection_id = $2 AND logical_id = $3`,
        [cityId, connectionId, logicalId],
      ),
    );
    return rows[0];
  }

  async saveRecord(cityId: CityId, connectionId: string, logicalId: string, r: IngestRecord): Promise<void> {
    await this.db.inCity(cityId, (em) =>
      em.query(
        `INSERT INTO collection_records (tenant_id, connection_id, logical_id, edit_id, submission_id,
           fingerprint, updated_at) VALUES ($1, $2, $3, $4, $5, $6, now())
         ON CONFLICT (tenant_id, connection_id, logical_id) DO UPDATE
           SET edit_id = $4, submission_id = $5, fingerprint = $6, updated_at = now()`,
        [cityId, connectionId, logicalId, r.editId, r.submissionId, r.fingerprint],
      ),
    );
  }

  pending(cityId: CityId): Promise<{ id: string; queued: boolean; scheduled: boolean }[]> {
    return this.db.inCity(cityId, (em) =>
      em.query<{ id: string; queued: boolean; scheduled: boolean }[]>(
        `SELECT c.id, c.scheduled, EXISTS (SELECT 1 FROM collection_runs r WHERE r.tenant_id = c.tenant_id
                 AND r.connection_id = c.id AND r.status = 'queued') AS queued
           FROM collection_connections c WHERE c.tenant_id = $1 AND c.status = 'active'`,
        [cityId],
      ),
    );
  }
}
