import { Injectable } from '@nestjs/common';
import { Aggregates } from '@rl/event-store';
import { indicatorDecider, IndicatorDefinition, indicatorStream } from '@rl/indicators';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';

export interface WorkAssignment {
  id: string;
  indicatorId: string;
  organisationId: string;
  periodId: string;
  active: boolean;
  periodCode: string;
  deadline: Date;
  // The organisation's latest submission for the slot: none yet, or its status.
  submissionStatus: 'submitted' | 'validated' | 'returned' | null;
}

export interface WorkIndicator {
  definition: IndicatorDefinition;
  // The indicator stream's version: what submissions record as their definition version.
  version: number;
  series: number;
  status: string;
}

// Latest validated value of a cell (series key), with the period it is for.
export interface LastValue {
  value: number;
  periodCode: string;
}

// What templates and forms read of the reporting and indicators contexts; row-level security limits
// every query to the city.
export abstract class CollectionWork {
  abstract assignments(cityId: CityId, ids: readonly string[]): Promise<WorkAssignment[]>;
  // An organisation's active assignments, by deadline.
  abstract activeAssignments(
    cityId: CityId,
    organisationId: string,
    limit: number,
  ): Promise<WorkAssignment[]>;
  abstract indicator(cityId: CityId, indicatorId: string): Promise<WorkIndicator | undefined>;
  abstract lastValidated(
    cityId: CityId,
    indicator: { indicatorId: string; series: number },
  ): Promise<Map<string, LastValue>>;
  // The member's language, else the city's.
  abstract locale(cityId: CityId, userId: string): Promise<string>;
}

const ASSIGNMENT_COLUMNS = `a.id, a.indicator_id AS "indicatorId", a.organisation_id AS "organisationId",
  a.period_id AS "periodId", a.status = 'active' AS active, p.code AS "periodCode", p.deadline,
  (SELECT s.status FROM submissions s
    WHERE s.tenant_id = a.tenant_id AND s.indicator_id = a.indicator_id AND s.period_id = a.period_id
      AND s.organisation_id = a.organisation_id
    ORDER BY s.id DESC LIMIT 1) AS "submissionStatus"`;

@Injectable()
export class PgCollectionWork extends CollectionWork {
  constructor(
    private readonly db: TenantDb,
    private readonly aggregates: Aggregates,
  ) {
    super();
  }

  async assignments(cityId: CityId, ids: readonly string[]): Promise<WorkAssignment[]> {
    if (ids.length === 0) return [];
    return this.db.inCity(cityId, (em) =>
      em.query<WorkAssignment[]>(
        `SELECT ${ASSIGNMENT_COLUMNS}
           FROM assignments a JOIN periods p ON p.tenant_id = a.tenant_id AND p.id = a.period_id
          WHERE a.tenant_id = $1 AND a.id = ANY($2::uuid[])
          ORDER BY p.deadline, a.id`,
        [cityId, ids],
      ),
    );
  }

  async activeAssignments(cityId: CityId, organisationId: string, limit: number): Promise<WorkAssignment[]> {
    return this.db.inCity(cityId, (em) =>
      em.query<WorkAssignment[]>(
        `SELECT ${ASSIGNMENT_COLUMNS}
           FROM assignments a JOIN periods p ON p.tenant_id = a.tenant_id AND p.id = a.period_id
          WHERE a.tenant_id = $1 AND a.organisation_id = $2 AND a.status = 'active'
          ORDER BY p.deadline, a.id
          LIMIT $3`,
        [cityId, organisationId, limit],
      ),
    );
  }

  async indicator(cityId: CityId, indicatorId: string): Promise<WorkIndicator | undefined> {
    const { state, version } = await this.aggregates.load(
      cityId,
      indicatorDecider,
      indicatorStream(indicatorId),
    );
    if (!state.exists) return undefined;
    return { definition: state.definition, version, series: state.series, status: state.status };
  }

  async lastValidated(
    cityId: CityId,
    { indicatorId, series }: { indicatorId: string; series: number },
  ): Promise<Map<string, LastValue>> {
    const rows = await this.db.inCity(cityId, (em) =>
      em.query<{ key: string; value: number; periodCode: string }[]>(
        `SELECT DISTINCT ON (s.disaggregation_key) s.disaggregation_key AS key, s.validated_value AS value,
                p.code AS "periodCode"
           FROM series s JOIN periods p ON p.tenant_id = s.tenant_id AND p.id = s.period_id
          WHERE s.tenant_id = $1 AND s.indicator_id = $2 AND s.series = $3 AND s.validated_value IS NOT NULL
          ORDER BY s.disaggregation_key, p.start DESC, p."end" DESC`,
        [cityId, indicatorId, series],
      ),
    );
    return new Map(rows.map((row) => [row.key, { value: Number(row.value), periodCode: row.periodCode }]));
  }

  async locale(cityId: CityId, userId: string): Promise<string> {
    const [row] = await this.db.inCity(cityId, (em) =>
      em.query<{ locale: string }[]>(
        `SELECT coalesce((SELECT u.locale FROM users u WHERE u.id = $2), c.default_locale) AS locale
           FROM cities c WHERE c.id = $1`,
        [cityId, userId],
      ),
    );
    return row?.locale ?? 'en';
  }
}
