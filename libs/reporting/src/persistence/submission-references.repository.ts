import { Injectable } from '@nestjs/common';
import { Aggregates } from '@rl/event-store';
import { indicatorDecider, indicatorStream } from '@rl/indicators';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { DeclaredIndicator } from '../domain/observation-checks';
import { periodDecider } from '../domain/period.decider';
import { periodStream } from '../domain/period.events';

// An indicator as its stream says now: what submissions are checked against and recorded under.
export interface IndicatorAsNow extends DeclaredIndicator {
  status: string;
  definitionVersion: number;
  series: number;
}

// A validated value of one series key in another period.
export interface ValidatedValue {
  key: string;
  value: number;
}

// A period the city already has under a code, and the organisation's open submission in it if any.
export interface KnownPeriod {
  code: string;
  periodId: string;
  openSubmissionId: string | null;
}

// What submitting, correcting and importing read about other aggregates and the series read model.
export abstract class SubmissionReferences {
  // undefined: the city has no such indicator.
  abstract indicator(cityId: CityId, indicatorId: string): Promise<IndicatorAsNow | undefined>;
  // The period's deadline (UTC instant); undefined: the city has no such period.
  abstract periodDeadline(cityId: CityId, periodId: string): Promise<Date | undefined>;
  // Validated values of the indicator's series in periods other than `periodId`, by period start.
  abstract validatedValues(
    cityId: CityId,
    series: { indicatorId: string; periodId: string; series: number },
  ): Promise<ValidatedValue[]>;
  // The city's periods among `codes`, with the slot's open submission of each.
  abstract knownPeriods(
    cityId: CityId,
    codes: string[],
    slot: { indicatorId: string; organisationId: string },
  ): Promise<KnownPeriod[]>;
}

@Injectable()
export class PgSubmissionReferences extends SubmissionReferences {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly db: TenantDb,
  ) {
    super();
  }

  async indicator(cityId: CityId, indicatorId: string): Promise<IndicatorAsNow | undefined> {
    const { state, version } = await this.aggregates.load(
      cityId,
      indicatorDecider,
      indicatorStream(indicatorId),
    );
    if (!state.exists) return undefined;
    const { unit, disaggregations } = state.definition;
    return { status: state.status, unit, disaggregations, definitionVersion: version, series: state.series };
  }

  async periodDeadline(cityId: CityId, periodId: string): Promise<Date | undefined> {
    const { state } = await this.aggregates.load(cityId, periodDecider, periodStream(periodId));
    return state.exists ? new Date(state.deadline) : undefined;
  }

  async validatedValues(
    cityId: CityId,
    { indicatorId, periodId, series }: { indicatorId: string; periodId: string; series: number },
  ): Promise<ValidatedValue[]> {
    const rows = await this.db.inCity(cityId, (em) =>
      em.query<{ key: string; value: number }[]>(
        `SELECT s.disaggregation_key AS key, s.validated_value AS value
           FROM series s JOIN periods p ON p.tenant_id = s.tenant_id AND p.id = s.period_id
          WHERE s.tenant_id = $1 AND s.indicator_id = $2 AND s.period_id <> $3 AND s.series = $4
            AND s.validated_value IS NOT NULL
          ORDER BY p.start, p."end"`,
        [cityId, indicatorId, periodId, series],
      ),
    );
    return rows.map((row) => ({ key: row.key, value: Number(row.value) }));
  }

  knownPeriods(
    cityId: CityId,
    codes: string[],
    { indicatorId, organisationId }: { indicatorId: string; organisationId: string },
  ): Promise<KnownPeriod[]> {
    return this.db.inCity(cityId, (em) =>
      em.query<KnownPeriod[]>(
        `SELECT c.code, c.period_id AS "periodId", o.submission_id AS "openSubmissionId"
           FROM period_codes c
           LEFT JOIN open_submissions o ON o.tenant_id = c.tenant_id AND o.period_id = c.period_id
            AND o.indicator_id = $3 AND o.organisation_id = $4
          WHERE c.tenant_id = $1 AND c.code = ANY($2)`,
        [cityId, codes, indicatorId, organisationId],
      ),
    );
  }
}
