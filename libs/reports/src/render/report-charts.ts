import { ChartSeries, renderSvgChart } from '@rl/embed';
import { ReportContent, ReportIndicator } from '../domain/report-content';

// The chart series of an indicator's trend (totals up to the year), suppressed totals as gaps.
export const trendSeries = (content: ReportContent, indicator: ReportIndicator): ChartSeries => ({
  indicatorName: indicator.name,
  cityName: content.city.name,
  unit: indicator.unit,
  disaggregation: null,
  locale: content.city.locale,
  points: indicator.trend.map((t) => ({
    period: t.period,
    value: t.value,
    suppressed: t.value === null,
    definitionVersion: null,
    series: t.series,
  })),
});

export const trendChart = (content: ReportContent, indicator: ReportIndicator): string =>
  renderSvgChart(trendSeries(content, indicator), 'line');

// "sex: F, age: 0-14", or "Total".
export const cellLabel = (disaggregation: Record<string, string>): string =>
  Object.keys(disaggregation)
    .sort()
    .map((k) => `${k}: ${disaggregation[k]}`)
    .join(', ') || 'Total';

export const SECTION_TITLES = {
  summary: 'Summary',
  indicators: 'Indicators by right',
  completeness: 'Completeness of reporting',
  meetings: 'Meetings and decisions',
  budget: 'Budget links',
} as const;
