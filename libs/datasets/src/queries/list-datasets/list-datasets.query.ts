import { Query } from '@nestjs/cqrs';
import { CityId, Page, PageRequest } from '@rl/kernel';
import { DatasetView } from '../../dataset.view';
import { DatasetFilter } from '../../persistence/datasets.repository';

// The catalogue, or with `indicatorId` and `indicatorMustExist` the datasets that feed one indicator of
// the city (404 for an indicator that is not the city's).
export class ListDatasetsQuery extends Query<Page<DatasetView>> {
  constructor(
    readonly cityId: CityId,
    readonly filter: DatasetFilter,
    readonly page: PageRequest,
    readonly minPosition?: number,
    readonly indicatorMustExist = false,
  ) {
    super();
  }
}
