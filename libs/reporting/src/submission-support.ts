import { Injectable } from '@nestjs/common';
import { Aggregates, EventStore, foldStream, Loaded } from '@rl/event-store';
import { indicatorDecider, indicatorStream } from '@rl/indicators';
import { CityId, DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { DeclaredIndicator, ValidatedHistory } from './domain/observation-checks';
import { evolveSubmission, initialSubmissionState, SubmissionState } from './domain/submission.decider';
import { submissionStream } from './domain/submission.events';
import { PeriodHistory } from './reporting-history';

export interface ActiveIndicator extends DeclaredIndicator {
  definitionVersion: number;
  series: number;
}

// What submit and correct both need: the indicator as its stream says now, the period's deadline, and
// the earlier validated values of the series for the plausibility check.
@Injectable()
export class SubmissionSupport {
  constructor(
    private readonly events: EventStore,
    private readonly aggregates: Aggregates,
    private readonly periods: PeriodHistory,
    private readonly db: TenantDb,
  ) {}

  async load(cityId: CityId, submissionId: string): Promise<Loaded<SubmissionState>> {
    const events = await this.events.readStream(cityId, submissionStream(submissionId));
    return foldStream(events, evolveSubmission, initialSubmissionState);
  }

  async activeIndicator(cityId: CityId, indicatorId: string): Promise<ActiveIndicator> {
    const loaded = await this.aggregates.load(cityId, indicatorDecider, indicatorStream(indicatorId));
    const { state } = loaded;
    if (!state.exists) {
      throw new DomainError('invalid', 'SUBMISSION.UNKNOWN_INDICATOR', 'No such indicator in this city', [
        { field: 'indicatorId', message: 'is not an indicator of this city' },
      ]);
    }
    if (state.status !== 'active') {
      throw new DomainError(
        'invalid',
        'SUBMISSION.INDICATOR_NOT_ACTIVE',
        `Data is accepted only for active indicators; this one is ${state.status}`,
        [{ field: 'indicatorId', message: `is ${state.status}` }],
      );
    }
    return {
      unit: state.definition.unit,
      disaggregations: state.definition.disaggregations,
      definitionVersion: loaded.version,
      series: state.series,
    };
  }

  // The period's deadline (UTC instant), or a 422 naming periodId.
  async deadline(cityId: CityId, periodId: string): Promise<Date> {
    const { state } = await this.periods.load(cityId, periodId);
    if (!state.exists) {
      throw new DomainError('invalid', 'SUBMISSION.UNKNOWN_PERIOD', 'No such period in this city', [
        { field: 'periodId', message: 'is not a period of this city' },
      ]);
    }
    return new Date(state.deadline);
  }

  // Validated values of the same indicator and series in other periods, by period start, per key.
  async validatedHistory(
    cityId: CityId,
    indicatorId: string,
    periodId: string,
    series: number,
  ): Promise<ValidatedHistory> {
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
    const byKey = new Map<string, number[]>();
    for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), Number(row.value)]);
    return (key) => byKey.get(key) ?? [];
  }
}
