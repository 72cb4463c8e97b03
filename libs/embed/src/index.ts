export { EmbedModule } from './embed.module';
export { ChartPoint, ChartSeries, ChartType, chartPoints } from './domain/chart-series';
export { renderSvgChart, seriesBreaks } from './domain/svg-chart';
export { ChartWords, chartWords } from './domain/chart-words';
