import { Injectable } from '@nestjs/common';
import { CityId, CursorKey } from '@rl/kernel';
import { keysetCondition, keysetPage, TenantDb } from '@rl/persistence';
import { AssignmentStatus } from '../domain/assignment.events';
import { SubmissionStatus } from '../domain/submission.events';
import { SubmissionRecord } from '../projections/submission.entity';

export interface SubmissionsWhere {
  indicatorId?: string;
  periodId?: string;
  organisationId?: string;
  status?: SubmissionStatus;
}

export interface AssignmentsWhere {
  periodId?: string;
  organisationId?: string;
  indicatorId?: string;
}

// An active assignment with its period's code and current deadline; `startKey` orders the page.
export interface AssignmentRow {
  id: string;
  indicatorId: string;
  organisationId: string;
  periodId: string;
  periodCode: string | null;
  deadline: Date | null;
  status: AssignmentStatus;
  version: number;
  createdAt: Date;
  startKey: string;
}

// A period's row of one series key; `startKey` and `endKey` order the page.
export interface SeriesRow {
  startKey: string;
  endKey: string;
  period: string;
  periodId: string;
  submittedValue: number | null;
  submittedObservationStatus: string | null;
  validatedValue: number | null;
  validatedObservationStatus: string | null;
  status: string;
  late: boolean;
  series: number;
  disaggregation: Record<string, string>;
  submissionId: string;
  organisationId: string;
  outlier: { reason: string } | null;
}

// Periods missing from their read model sort last.
const START_KEY = `COALESCE(p.start, '9999-12-31'::date)`;
const END_KEY = `COALESCE(p."end", '9999-12-31'::date)`;

// The submissions, assignments and series read models, as queries read them. Pages hold one row more
// than `limit` when there is a next page.
export abstract class SubmissionsReadModel {
  abstract byId(cityId: CityId, id: string): Promise<SubmissionRecord | null>;
  // By id (UUIDv7: the order of creation), after the keyset cursor.
  abstract page(
    cityId: CityId,
    filter: SubmissionsWhere,
    after: CursorKey | undefined,
    limit: number,
  ): Promise<SubmissionRecord[]>;
  // Active ones, by period start, then id (creation order).
  abstract assignments(
    cityId: CityId,
    filter: AssignmentsWhere,
    after: CursorKey | undefined,
    limit: number,
  ): Promise<AssignmentRow[]>;
  // One series key of an indicator over its periods, oldest first (by start, end, period id).
  abstract series(
    cityId: CityId,
    where: { indicatorId: string; key: string; validatedOnly: boolean },
    after: CursorKey | undefined,
    limit: number,
  ): Promise<SeriesRow[]>;
}

@Injectable()
export class PgSubmissionsReadModel extends SubmissionsReadModel {
  constructor(private readonly db: TenantDb) {
    super();
  }

  byId(cityId: CityId, id: string): Promise<SubmissionRecord | null> {
    return this.db.inCity(cityId, (em) => em.findOneBy(SubmissionRecord, { tenantId: cityId, id }));
  }

  // The primary key serves the keyset.
  page(cityId: CityId, filter: SubmissionsWhere, after: CursorKey | undefined, limit: number) {
    const { indicatorId, periodId, organisationId, status } = filter;
    return this.db.inCity(cityId, (em) => {
      const query = em.createQueryBuilder(SubmissionRecord, 's').where('s.tenantId = :cityId', { cityId });
      if (indicatorId) query.andWhere('s.indicatorId = :indicatorId', { indicatorId });
      if (periodId) query.andWhere('s.periodId = :periodId', { periodId });
      if (organisationId) query.andWhere('s.organisationId = :organisationId', { organisationId });
      if (status) query.andWhere('s.status = :status', { status });
      return keysetPage(query, ['s.id'], after, limit).getMany();
    });
  }

  assignments(cityId: CityId, filter: AssignmentsWhere, after: CursorKey | undefined, limit: number) {
    const { periodId, organisationId, indicatorId } = filter;
    const params: unknown[] = [cityId, periodId ?? null, organisationId ?? null, indicatorId ?? null];
    const keyset = keysetCondition([START_KEY, 'a.id'], after, params);
    params.push(limit + 1);
    return this.db.inCity(cityId, (em) =>
      em.query<AssignmentRow[]>(
        `SELECT a.id, a.indicator_id AS "indicatorId", a.organisation_id AS "organisationId",
                a.period_id AS "periodId", p.code AS "periodCode", p.deadline, a.status, a.version,
                a.created_at AS "createdAt", ${START_KEY}::text AS "startKey"
           FROM assignments a
           LEFT JOIN periods p ON p.tenant_id = a.tenant_id AND p.id = a.period_id
          WHERE a.tenant_id = $1 AND a.status = 'active'
            AND ($2::uuid IS NULL OR a.period_id = $2)
            AND ($3::uuid IS NULL OR a.organisation_id = $3)
            AND ($4::uuid IS NULL OR a.indicator_id = $4)
            AND ${keyset}
          ORDER BY ${START_KEY}, a.id
          LIMIT $${params.length}`,
        params,
      ),
    );
  }

  series(
    cityId: CityId,
    { indicatorId, key, validatedOnly }: { indicatorId: string; key: string; validatedOnly: boolean },
    after: CursorKey | undefined,
    limit: number,
  ) {
    const params: unknown[] = [cityId, indicatorId, key, validatedOnly];
    const keyset = keysetCondition([START_KEY, END_KEY, 's.period_id'], after, params);
    params.push(limit + 1);
    return this.db.inCity(cityId, (em) =>
      em.query<SeriesRow[]>(
        `SELECT ${START_KEY}::text AS "startKey", ${END_KEY}::text AS "endKey", p.code AS period,
                s.period_id AS "periodId", s.submitted_value AS "submittedValue",
                s.submitted_observation_status AS "submittedObservationStatus",
                s.validated_value AS "validatedValue", s.validated_observation_status AS "validatedObservationStatus",
                s.status, s.late, s.series, s.disaggregation, s.submission_id AS "submissionId",
                s.organisation_id AS "organisationId", s.outlier
           FROM series s LEFT JOIN periods p ON p.tenant_id = s.tenant_id AND p.id = s.period_id
          WHERE s.tenant_id = $1 AND s.indicator_id = $2 AND s.disaggregation_key = $3
            AND ($4::bool IS FALSE OR s.validated_value IS NOT NULL)
            AND ${keyset}
          ORDER BY ${START_KEY}, ${END_KEY}, s.period_id
          LIMIT $${params.length}`,
        params,
      ),
    );
  }
}
