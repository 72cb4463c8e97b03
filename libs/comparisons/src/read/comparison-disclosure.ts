import { Injectable } from '@nestjs/common';
import { CONFIDENTIAL, PublicSeriesReader, totalKey } from '@rl/open-data';
import type { ComparisonRow } from '../domain/comparison.types';
import type { SeriesComparison } from '../domain/series';
import type { Audience } from '../jobs/recompute-comparison.handler';
import type { Shown } from '../persistence/comparison-results.repository';

// Small-number suppression of comparisons, at read time over the stored results: a city's value that
// its own outputs hide (the indicator's disclosure rule, with secondary suppression over that period's
// breakdowns) is blank with status Q. Members of other cities are not the city's members, so both
// audiences get the blanks; only the open-data reads of a city's own members show its small numbers.
// Applied when read, so a rule set after the comparison was computed counts at once.
@Injectable()
export class ComparisonDisclosure {
  constructor(private readonly series: PublicSeriesReader) {}

  // The rows with hidden values blanked: no normalised value, rank, trend or distance to target
  // (each would give the value away). A trend from a hidden previous value goes too. Ranks are left to
  // the caller, who re-ranks when `hidden` is true.
  async rows(
    audience: Audience,
    shown: readonly Shown[],
    rows: readonly ComparisonRow[],
  ): Promise<{ rows: ComparisonRow[]; hidden: boolean }> {
    const isHidden = await this.hiddenOf(
      audience,
      shown,
      rows.flatMap((r) => [r, ...(r.trend ? [{ city: r.city, period: r.trend.previousPeriod }] : [])]),
    );
    let hidden = false;
    const blanked = rows.map((row): ComparisonRow => {
      if (isHidden(row.city, row.period)) {
        hidden = true;
        const { rank: _rank, ...rest } = row;
        return {
          ...rest,
          value: null,
          normalisedValue: null,
          normalisedUnit: null,
          status: CONFIDENTIAL,
          trend: null,
          distanceToTarget: null,
        };
      }
      return row.trend && isHidden(row.city, row.trend.previousPeriod) ? { ...row, trend: null } : row;
    });
    return { rows: blanked, hidden };
  }

  // The series with hidden points blanked (a gap with status Q).
  async seriesOf(
    audience: Audience,
    shown: readonly Shown[],
    series: SeriesComparison,
  ): Promise<SeriesComparison> {
    const isHidden = await this.hiddenOf(
      audience,
      shown,
      series.cities.flatMap((c) => c.points.map((p) => ({ city: c.city, period: p.period }))),
    );
    return {
      ...series,
      cities: series.cities.map((city) => ({
        ...city,
        points: city.points.map((point) =>
          isHidden(city.city, point.period)
            ? { period: point.period, value: null, normalisedValue: null, status: CONFIDENTIAL }
            : point,
        ),
      })),
    };
  }

  private async hiddenOf(
    audience: Audience,
    shown: readonly Shown[],
    wanted: readonly { city: string; period: string }[],
  ): Promise<(city: string, period: string) => boolean> {
    const bySlug = new Map(shown.map((s) => [s.citySlug, s]));
    const totals = new Map<string, { cityId: string; indicatorId: string; unit: string; period: string }>();
    for (const { city, period } of wanted) {
      const of = bySlug.get(city);
      if (!of) continue;
      const total = { cityId: of.cityId, indicatorId: of.indicatorId, unit: of.unit, period };
      totals.set(totalKey(total), total);
    }
    const hidden = await this.series.hiddenTotals([...totals.values()], audience);
    return (city, period) => {
      const of = bySlug.get(city);
      return !!of && hidden.has(totalKey({ ...of, period }));
    };
  }
}
