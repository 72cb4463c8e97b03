import { Query } from '@nestjs/cqrs';
import { Page, PageRequest } from '@rl/kernel';
import { CityView } from '../../city.view';

export class ListCitiesQuery extends Query<Page<CityView>> {
  constructor(readonly page: PageRequest) {
    super();
  }
}
