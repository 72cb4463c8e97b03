import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { DatasetErrors } from '../../domain/dataset.errors';
import { AssessmentView } from '../../dataset.view';
import { DatasetsReadModel } from '../../persistence/datasets.repository';
import { DatasetsReader } from '../datasets-reader';
import { toAssessmentView } from '../dataset-views';
import { ListAssessmentsQuery } from './list-assessments.query';

// An entry's assessments, oldest first: its quality history.
@QueryHandler(ListAssessmentsQuery)
export class ListAssessmentsHandler implements IQueryHandler<ListAssessmentsQuery, Page<AssessmentView>> {
  constructor(
    private readonly datasets: DatasetsReadModel,
    private readonly reader: DatasetsReader,
  ) {}

  async execute({
    cityId,
    datasetId,
    page,
    minPosition,
  }: ListAssessmentsQuery): Promise<Page<AssessmentView>> {
    const after = cursorOf(page, ['uuid']);
    await this.reader.waitFor(cityId, minPosition);
    if (!(await this.datasets.byId(cityId, datasetId))) throw DatasetErrors.NOT_FOUND();
    const rows = await this.datasets.assessmentPage(cityId, datasetId, after, page.limit);
    return pageOf(rows, page.limit, (row) => [row.id], toAssessmentView);
  }
}
