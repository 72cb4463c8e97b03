import { CityId } from '@rl/kernel';
import {
  IndicatorAsNow,
  KnownPeriod,
  SubmissionReferences,
  ValidatedValue,
} from '../persistence/submission-references.repository';

// What submissions refer to, in memory: indicators, period deadlines and validated values by city.
export class InMemorySubmissionReferences extends SubmissionReferences {
  private readonly indicators = new Map<string, IndicatorAsNow>();
  private readonly periods = new Map<string, { code: string; deadline: Date }>();
  private readonly values = new Map<string, ValidatedValue[]>();

  withIndicator(cityId: CityId, indicatorId: string, indicator: Partial<IndicatorAsNow> = {}): this {
    this.indicators.set(`${cityId}:${indicatorId}`, {
      status: 'active',
      unit: 'count',
      disaggregations: [{ dimension: 'sex', values: ['F', 'M'] }],
      definitionVersion: 1,
      series: 1,
      ...indicator,
    });
    return this;
  }

  withPeriod(cityId: CityId, periodId: string, period: { code: string; deadline: string }): this {
    this.periods.set(`${cityId}:${periodId}`, { code: period.code, deadline: new Date(period.deadline) });
    return this;
  }

  // Validated values of the indicator's series in other periods than `periodId`.
  withValidated(cityId: CityId, indicatorId: string, values: ValidatedValue[]): this {
    this.values.set(`${cityId}:${indicatorId}`, values);
    return this;
  }

  indicator(cityId: CityId, indicatorId: string): Promise<IndicatorAsNow | undefined> {
    return Promise.resolve(this.indicators.get(`${cityId}:${indicatorId}`));
  }

  periodDeadline(cityId: CityId, periodId: string): Promise<Date | undefined> {
    return Promise.resolve(this.periods.get(`${cityId}:${periodId}`)?.deadline);
  }

  validatedValues(cityId: CityId, { indicatorId }: { indicatorId: string }): Promise<ValidatedValue[]> {
    return Promise.resolve(this.values.get(`${cityId}:${indicatorId}`) ?? []);
  }

  knownPeriods(cityId: CityId, codes: string[]): Promise<KnownPeriod[]> {
    const known = [...this.periods.entries()]
      .filter(([key, { code }]) => key.startsWith(`${cityId}:`) && codes.includes(code))
      .map(([key, { code }]) => ({ code, periodId: key.slice(cityId.length + 1), openSubmissionId: null }));
    return Promise.resolve(known);
  }
}
