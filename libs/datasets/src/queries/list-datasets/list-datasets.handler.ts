import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { IndicatorErrors } from '@rl/indicators';
import { Page } from '@rl/kernel';
import { DatasetView } from '../../dataset.view';
import { DatasetReferences } from '../../persistence/dataset-references.repository';
import { DatasetsReader } from '../datasets-reader';
import { ListDatasetsQuery } from './list-datasets.query';

@QueryHandler(ListDatasetsQuery)
export class ListDatasetsHandler implements IQueryHandler<ListDatasetsQuery, Page<DatasetView>> {
  constructor(
    private readonly reader: DatasetsReader,
    private readonly references: DatasetReferences,
  ) {}

  async execute({
    cityId,
    filter,
    page,
    minPosition,
    indicatorMustExist,
  }: ListDatasetsQuery): Promise<Page<DatasetView>> {
    const { indicatorId } = filter;
    if (
      indicatorMustExist &&
      indicatorId &&
      (await this.references.unknownIndicators(cityId, [indicatorId])).length
    )
      throw IndicatorErrors.NOT_FOUND();
    return this.reader.page(cityId, filter, page, minPosition);
  }
}
