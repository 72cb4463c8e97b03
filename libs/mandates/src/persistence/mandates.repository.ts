import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { MandateRow } from '../projections/mandates.projection';

// A member of an organisation with the valid mandate that lasts longest (none: null).
export interface ParticipantRow {
  userId: string;
  name: string;
  role: string;
  mandateId: string | null;
  validUntil: string | null;
}

export interface MandateCounts {
  // Members of the organisation holding a valid mandate.
  validHolders: number;
  // Its active collectors without one: they can still work, the completeness report shows it.
  collectorsWithoutMandate: number;
}

// The mandates read model, as queries read it. `at` is an instant; its day is read in the city's zone.
export abstract class MandatesReadModel {
  abstract byId(cityId: CityId, id: string): Promise<MandateRow | null>;
  // An organisation's mandates in the order they were granted (ids are UUIDv7), after the cursor.
  abstract page(
    cityId: CityId,
    organisationId: string,
    after: string | undefined,
    limit: number,
  ): Promise<MandateRow[]>;
  // The organisation's active members by user id, after the cursor.
  abstract participants(
    cityId: CityId,
    organisationId: string,
    at: Date,
    after: string | undefined,
    limit: number,
  ): Promise<ParticipantRow[]>;
  abstract counts(
    cityId: CityId,
    organisationIds: readonly string[],
    at: Date,
  ): Promise<Map<string, MandateCounts>>;
}

const COLUMNS = `id, organisation_id AS "organisationId", holder_user_id AS "holderUserId", scope,
  to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_until, 'YYYY-MM-DD') AS "validUntil",
  signed_by_name AS "signedByName", signed_by_function AS "signedByFunction", document_ref AS "documentRef",
  revoked, revoked_reason AS "revokedReason", revoked_by AS "revokedBy", version,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

// The city's day at $2 (an instant), and a mandate `d` valid on it.
const TODAY = `($2::timestamptz AT TIME ZONE (SELECT timezone FROM cities WHERE id = $1))::date`;
const VALID = `NOT d.revoked AND d.valid_from <= ${TODAY} AND (d.valid_until IS NULL OR d.valid_until >= ${TODAY})`;
// Active members `m` of the city who accepted their membership.
const ACTIVE = `m.active AND NOT m.pending`;

@Injectable()
export class PgMandatesReadModel implements MandatesReadModel {
  constructor(private readonly db: TenantDb) {}

  async byId(cityId: CityId, id: string): Promise<MandateRow | null> {
    const [row] = await this.db.inCity(cityId, (em) =>
      em.query<MandateRow[]>(`SELECT ${COLUMNS} FROM mandates WHERE tenant_id = $1 AND id = $2`, [
        cityId,
        id,
      ]),
    );
    return row ?? null;
  }

  // The index IDX_mandates_organisation serves the keyset.
  page(
    cityId: CityId,
    organisationId: string,
    after: string | undefined,
    limit: number,
  ): Promise<MandateRow[]> {
    return this.db.inCity(cityId, (em) =>
      em.query<MandateRow[]>(
        `SELECT ${COLUMNS} FROM mandates
          WHERE tenant_id = $1 AND organisation_id = $2 AND ($3::uuid IS NULL OR id > $3::uuid)
          ORDER BY id LIMIT $4`,
        [cityId, organisationId, after ?? null, limit + 1],
      ),
    );
  }

  participants(
    cityId: CityId,
    organisationId: string,
    at: Date,
    after: string | undefined,
    limit: number,
  ): Promise<ParticipantRow[]> {
    return this.db.inCity(cityId, (em) =>
      em.query<ParticipantRow[]>(
        `SELECT m.user_id AS "userId", u.name, m.role, best.id AS "mandateId",
                to_char(best.valid_until, 'YYYY-MM-DD') AS "validUntil"
           FROM memberships m
           JOIN users u ON u.id = m.user_id
           LEFT JOIN LATERAL (
             SELECT d.id, d.valid_until FROM mandates d
              WHERE d.tenant_id = m.tenant_id AND d.organisation_id = m.organisation_id
                AND d.holder_user_id = m.user_id AND ${VALID}
              ORDER BY d.valid_until DESC NULLS FIRST, d.id LIMIT 1) best ON true
          WHERE m.tenant_id = $1 AND m.organisation_id = $3 AND ${ACTIVE}
            AND ($4::uuid IS NULL OR m.user_id > $4::uuid)
          ORDER BY m.user_id LIMIT $5`,
        [cityId, at, organisationId, after ?? null, limit + 1],
      ),
    );
  }

  async counts(
    cityId: CityId,
    organisationIds: readonly string[],
    at: Date,
  ): Promise<Map<string, MandateCounts>> {
    if (organisationIds.length === 0) return new Map();
    const rows = await this.db.inCity(cityId, (em) => countMandates(em, cityId, organisationIds, at));
    return new Map(rows.map(({ organisationId, ...counts }) => [organisationId, counts]));
  }
}

function countMandates(em: EntityManager, cityId: CityId, organisationIds: readonly string[], at: Date) {
  const holding = `EXISTS (SELECT 1 FROM mandates d WHERE d.tenant_id = $1 AND d.organisation_id = o
                      AND d.holder_user_id = m.user_id AND ${VALID})`;
  return em.query<(MandateCounts & { organisationId: string })[]>(
    `SELECT o AS "organisationId",
            (SELECT count(*) FROM memberships m
              WHERE m.tenant_id = $1 AND m.organisation_id = o AND ${ACTIVE} AND ${holding})::int AS "validHolders",
            (SELECT count(*) FROM memberships m
              WHERE m.tenant_id = $1 AND m.organisation_id = o AND ${ACTIVE} AND m.role = 'collector'
                AND NOT ${holding})::int AS "collectorsWithoutMandate"
       FROM unnest($3::uuid[]) AS o`,
    [cityId, at, organisationIds],
  );
}
