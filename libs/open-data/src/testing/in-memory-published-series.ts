import { Audience } from '../domain/series';
import { PeriodCells, PublishedSeries, PublishedSeriesRow } from '../persistence/published-series.repository';

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

  periodCells(cityId: string, periods: { indicatorId: string; period: string }[]): Promise<PeriodCells[]> {
    return Promise.resolve(
      periods.flatMap(({ indicatorId, period }) =>
        this.series
          .filter((s) => s.cityId === cityId && s.indicatorId === indicatorId && s.audience === 'public')
          .map((s) => ({
            indicatorId,
            rule: s.rule,
            cells: s.observations.filter((o) => o.period === period),
          })),
      ),
    );
  }
}
