import { Audience } from '../domain/series';
import {
  PeriodCells,
  PeriodOf,
  PublishedSeries,
  PublishedSeriesRow,
} from '../persistence/published-series.repository';

// Published series held in memory, each with the audience that may read it ('members' rows are
// comparable-only: hidden from the public).
export class InMemoryPublishedSeries implements PublishedSeries {
  private readonly series: (PublishedSeriesRow & { audience: Audience })[] = [];

  given(row: PublishedSeriesRow, audience: Audience = 'public'): this {
    this.series.push({ ...row, audience });
    return this;
  }

  find(citySlug: string, indicatorCode: string, audience: Audience): Promise<PublishedSeriesRow | null> {
    const found = this.series.find(
      (s) =>
        s.citySlug === citySlug &&
        s.definition.indicatorCode === indicatorCode &&
        (audience === 'members' || s.audience === 'public'),
    );
    return Promise.resolve(found ?? null);
  }

  periodCells(periods: PeriodOf[], audience: Audience): Promise<PeriodCells[]> {
    return Promise.resolve(
      periods.flatMap(({ cityId, indicatorId, period }) =>
        this.series
          .filter(
            (s) =>
              s.cityId === cityId &&
              s.indicatorId === indicatorId &&
              (audience === 'members' || s.audience === 'public'),
          )
          .map((s) => ({
            cityId,
            indicatorId,
            period,
            rule: s.rule,
            cells: s.observations.filter((o) => o.period === period),
          })),
      ),
    );
  }
}
