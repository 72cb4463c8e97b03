export { EmbedModule } from './embed.module';
export { ChartPoint, ChartSeries, ChartType, ChartWords, chartPoints } from './domain/chart-series';
export { describe as describeChart, renderSvgChart, seriesBreaks, xmlEscape } from './domain/svg-chart';
export { chartWords } from './domain/chart-words';
