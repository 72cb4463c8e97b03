import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { keysetPage, TenantDb } from '@rl/persistence';
import { CityView } from '../../city.view';
import { CityRecord } from '../../persistence/city.entity';
import { ListCitiesQuery } from './list-cities.query';

@QueryHandler(ListCitiesQuery)
export class ListCitiesHandler implements IQueryHandler<ListCitiesQuery, Page<CityView>> {
  constructor(private readonly db: TenantDb) {}

  async execute({ page }: ListCitiesQuery): Promise<Page<CityView>> {
    const after = cursorOf(page, ['string']);
    // By slug: its unique index serves the keyset.
    const cities = await this.db.platform((em) =>
      keysetPage(em.createQueryBuilder(CityRecord, 'c'), ['c.slug'], after, page.limit).getMany(),
    );
    return pageOf(
      cities,
      page.limit,
      (city) => [city.slug],
      (city) => CityView.of(city),
    );
  }
}
