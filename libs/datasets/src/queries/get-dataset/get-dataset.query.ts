import { Query } from '@nestjs/cqrs';
import { CityId } from '@rl/kernel';
import { DatasetView } from '../../dataset.view';

export class GetDatasetQuery extends Query<DatasetView> {
  constructor(
    readonly cityId: CityId,
    readonly datasetId: string,
    readonly options: { asOf?: Date; minPosition?: number },
  ) {
    super();
  }
}
