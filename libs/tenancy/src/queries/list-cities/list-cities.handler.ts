import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TenantDb } from '@rl/persistence';
import { CityView } from '../../city.view';
import { CityRecord } from '../../persistence/city.entity';
import { ListCitiesQuery } from './list-cities.query';

@QueryHandler(ListCitiesQuery)
export class ListCitiesHandler implements IQueryHandler<ListCitiesQuery, CityView[]> {
  constructor(private readonly db: TenantDb) {}

  async execute(): Promise<CityView[]> {
    const cities = await this.db.platform((em) => em.find(CityRecord, { order: { slug: 'ASC' } }));
    return cities.map((city) => CityView.of(city));
  }
}
