// What a chart shows: one value per period (of the chosen disaggregation, or the total), in period order.
export const CHART_TYPES = ['line', 'bar'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

// The words a chart writes around its figures, so a page in the city's language can draw it in that
// language too. The standalone embed keeps English (its readers' language is unknown).
export interface ChartWords {
  chartOf(type: ChartType, periods: number, from: string, to: string): string;
  firstLast(first: string, firstPeriod: string, last: string, lastPeriod: string): string;
  noValueShown: string;
  unit(unit: string): string;
  suppressed(periods: string): string;
  notReported(periods: string): string;
  breaks(list: string): string;
  breakBefore(label: string, period: string): string;
  seriesBreak: string;
  definitionVersion(version: number): string;
  noValues: string;
  suppressedLegend: string;
  breakLegend: string;
}

export interface ChartPoint {
  period: string;
  // null: no value to draw (suppressed, or not reported).
  value: number | null;
  suppressed: boolean;
  // Of the observation the value comes from; null where the period has none.
  definitionVersion: number | null;
  series: number | null;
}

export interface ChartSeries {
  indicatorName: string;
  cityName: string;
  unit: string;
  // "sex: F", or null for the total.
  disaggregation: string | null;
  // BCP 47 tag whose number format every figure is written in.
  locale: string;
  points: ChartPoint[];
  // The chart's words in the reader's language (default English).
  words?: ChartWords;
}

// The cells of a published series as its reader gives them (suppressed ones: value null, status Q).
export interface SeriesCell {
  period: string;
  disaggregation: Record<string, string>;
  value: number | null;
  obsStatus: string;
  definitionVersion: number;
  series: number;
}

export interface ChartSelection {
  from?: string;
  to?: string;
  disaggregation?: { dimension: string; value: string };
}

const SUPPRESSED_STATUS = 'Q';

// Periods compare by their code; `to` includes the periods inside it (to=2024 keeps 2024-Q4).
const within = (period: string, { from, to }: ChartSelection) =>
  (from === undefined || period >= from) && (to === undefined || period <= to || period.startsWith(to));

const isSelected = (cell: SeriesCell, wanted: ChartSelection['disaggregation']) => {
  const keys = Object.keys(cell.disaggregation);
  if (!wanted) return keys.length === 0;
  return keys.length === 1 && cell.disaggregation[wanted.dimension] === wanted.value;
};

// Every period of the series within the range gets a point, so a period without the chosen cell shows
// as a gap rather than silently joining its neighbours.
export function chartPoints(cells: readonly SeriesCell[], selection: ChartSelection): ChartPoint[] {
  const periods = [...new Set(cells.map((c) => c.period))].filter((p) => within(p, selection)).sort();
  const byPeriod = new Map(
    cells.filter((c) => isSelected(c, selection.disaggregation)).map((c) => [c.period, c]),
  );
  return periods.map((period) => {
    const cell = byPeriod.get(period);
    const suppressed = cell?.obsStatus === SUPPRESSED_STATUS;
    return {
      period,
      value: cell && !suppressed ? cell.value : null,
      suppressed,
      definitionVersion: cell?.definitionVersion ?? null,
      series: cell?.series ?? null,
    };
  });
}
