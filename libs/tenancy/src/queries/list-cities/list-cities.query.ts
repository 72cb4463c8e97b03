import { Query } from '@nestjs/cqrs';
import { CityView } from '../../city.view';

export class ListCitiesQuery extends Query<CityView[]> {}
