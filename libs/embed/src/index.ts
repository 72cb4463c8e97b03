export { EmbedModule } from './embed.module';
export { ChartPoint, ChartSeries, ChartType, chartPoints } from './domain/chart-series';
export { renderSvgChart } from './domain/svg-chart';
export { describe as describeChart, xmlEscape } from './domain/svg-chart';
