import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { CityView } from '../../city.view';
import { Cities } from '../../persistence/cities.repository';
import { ListCitiesQuery } from './list-cities.query';

@QueryHandler(ListCitiesQuery)
export class ListCitiesHandler implements IQueryHandler<ListCitiesQuery, Page<CityView>> {
  constructor(private readonly cities: Cities) {}

  async execute({ page }: ListCitiesQuery): Promise<Page<CityView>> {
    const cities = await this.cities.page(cursorOf(page, ['string']), page.limit);
    return pageOf(
      cities,
      page.limit,
      (city) => [city.slug],
      (city) => CityView.of(city),
    );
  }
}
