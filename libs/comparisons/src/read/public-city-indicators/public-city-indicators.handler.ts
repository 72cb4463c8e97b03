import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CONFIDENTIAL, PublicSeriesReader } from '@rl/open-data';
import { CityErrors } from '@rl/tenancy';
import { ComparisonReadModel } from '../../persistence/comparison-results.repository';
import { PublicIndicatorView } from '../comparison.view';
import { PublicCityIndicatorsQuery } from './public-city-indicators.query';

// A city's public indicators with the validated value of their latest period, read as the public
// reader role: its policies show public rows only, so nothing comparable-only or unpublished can leak.
// A latest value that the indicator's public export suppresses is blank here too (status Q).
@QueryHandler(PublicCityIndicatorsQuery)
export class PublicCityIndicatorsHandler implements IQueryHandler<
  PublicCityIndicatorsQuery,
  PublicIndicatorView[]
> {
  constructor(
    private readonly readModel: ComparisonReadModel,
    private readonly series: PublicSeriesReader,
  ) {}

  async execute({ citySlug }: PublicCityIndicatorsQuery): Promise<PublicIndicatorView[]> {
    const cityId = await this.readModel.cityIdBySlug(citySlug);
    if (!cityId) throw CityErrors.NOT_FOUND();
    const { indicators, latest } = await this.readModel.publicIndicators(cityId);
    const unitOf = new Map(indicators.map((i) => [i.id, i.definition.unit]));
    const hidden = await this.series.hiddenHeadlines(
      cityId,
      latest.map((l) => ({
        indicatorId: l.indicatorId,
        unit: unitOf.get(l.indicatorId) ?? '',
        period: l.period,
      })),
    );
    const latestOf = new Map(
      latest.map(({ indicatorId, ...value }) => [
        indicatorId,
        hidden.has(indicatorId) ? { ...value, value: null, status: CONFIDENTIAL } : value,
      ]),
    );
    return indicators
      .map(({ id, definition: d, frameworkRefs }) => ({
        id,
        code: d.indicatorCode,
        name: d.name,
        description: d.description ?? null,
        unit: d.unit,
        direction: d.direction,
        methodology: d.methodology ?? null,
        frameworkRefs,
        target: d.target ?? null,
        latest: latestOf.get(id) ?? null,
      }))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }
}
