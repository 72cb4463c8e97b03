import { Injectable } from '@nestjs/common';
import { PublicSeriesReader } from '@rl/open-data';
import { ChartSelection, chartPoints } from './domain/chart-series';
import { EmbedErrors } from './domain/embed.errors';
import { renderSvgChart } from './domain/svg-chart';
import { DISAGGREGATION, EmbedQueryDto } from './embed-query.dto';
import { EmbedCities } from './persistence/embed-cities.repository';

// A public series as an SVG chart: read as every public output reads it (small numbers suppressed),
// drawn in the city's number format.
@Injectable()
export class EmbedCharts {
  constructor(
    private readonly reader: PublicSeriesReader,
    private readonly cities: EmbedCities,
  ) {}

  async svg(citySlug: string, indicatorCode: string, query: EmbedQueryDto): Promise<string> {
    if (query.from !== undefined && query.to !== undefined && query.to < query.from)
      throw EmbedErrors.BAD_RANGE({ errors: [{ field: 'to', message: 'to must not come before from' }] });
    const series = await this.reader.read(citySlug, indicatorCode, 'public');
    const selection: ChartSelection = { from: query.from, to: query.to };
    if (query.disaggregation) {
      const [, dimension, value] = DISAGGREGATION.exec(query.disaggregation) ?? [];
      if (!series.indicator.dimensions.includes(dimension))
        throw EmbedErrors.UNKNOWN_DIMENSION({
          message: `${indicatorCode} is not disaggregated by ${dimension}`,
          errors: [
            {
              field: 'disaggregation',
              message: `disaggregation must name one of: ${series.indicator.dimensions.join(', ') || '(none)'}`,
            },
          ],
        });
      selection.disaggregation = { dimension, value };
    }
    const locale = (await this.cities.locale(series.city.slug)) ?? 'en';
    return renderSvgChart(
      {
        indicatorName: series.indicator.name,
        cityName: series.city.name,
        unit: series.indicator.unit,
        disaggregation: selection.disaggregation
          ? `${selection.disaggregation.dimension}: ${selection.disaggregation.value}`
          : null,
        locale,
        points: chartPoints(series.observations, selection),
      },
      query.type ?? 'line',
    );
  }
}
