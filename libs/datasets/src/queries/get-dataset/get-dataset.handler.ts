import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RecordedEvent } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { DatasetErrors } from '../../domain/dataset.errors';
import { DatasetEvent } from '../../domain/dataset.events';
import { DatasetView } from '../../dataset.view';
import { DatasetsReadModel } from '../../persistence/datasets.repository';
import { AssessmentRow, evolveAssessmentRow } from '../../projections/dataset-assessments.projection';
import { DatasetRow, evolveDatasetRow } from '../../projections/datasets.projection';
import { DatasetsReader } from '../datasets-reader';
import { toDatasetView } from '../dataset-views';
import { GetDatasetQuery } from './get-dataset.query';

@QueryHandler(GetDatasetQuery)
export class GetDatasetHandler implements IQueryHandler<GetDatasetQuery, DatasetView> {
  constructor(
    private readonly datasets: DatasetsReadModel,
    private readonly reader: DatasetsReader,
  ) {}

  async execute({ cityId, datasetId, options }: GetDatasetQuery): Promise<DatasetView> {
    if (options.asOf) return this.asOf(cityId, datasetId, options.asOf);
    await this.reader.waitFor(cityId, options.minPosition);
    const row = await this.datasets.byId(cityId, datasetId);
    if (!row) throw DatasetErrors.NOT_FOUND();
    const [latest] = row.latestAssessmentId
      ? await this.datasets.assessments(cityId, [row.latestAssessmentId])
      : [];
    return toDatasetView(row, latest ?? null);
  }

  // As it was then: folded from its events up to that instant as the projections fold them.
  private async asOf(cityId: CityId, datasetId: string, asOf: Date): Promise<DatasetView> {
    const events = await this.datasets.stream(cityId, datasetId, asOf);
    const row = events.reduce<DatasetRow | undefined>(evolveDatasetRow, undefined);
    if (!row) throw DatasetErrors.NOT_FOUND();
    const assessed = events.filter(
      (e): e is RecordedEvent<Extract<DatasetEvent, { type: 'DatasetAssessed' }>> =>
        e.type === 'DatasetAssessed',
    );
    const last = assessed[assessed.length - 1];
    const latest: AssessmentRow | undefined = last && evolveAssessmentRow(undefined, last);
    return toDatasetView(row, latest ?? null);
  }
}
