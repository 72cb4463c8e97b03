import { Injectable } from '@nestjs/common';
import { CityId, cursorOf, Page, PageRequest, pageOf } from '@rl/kernel';
import { ProjectionWaiter } from '@rl/projections';
import { DatasetView } from '../dataset.view';
import { DatasetFilter, DatasetsReadModel } from '../persistence/datasets.repository';
import { DATASET_ASSESSMENTS_PROJECTION } from '../projections/dataset-assessments.projection';
import { DATASETS_PROJECTION } from '../projections/datasets.projection';
import { toDatasetView } from './dataset-views';

// A page of the catalogue with each entry's latest assessment, once both read models include the
// caller's own write: what the lists of datasets share.
@Injectable()
export class DatasetsReader {
  constructor(
    private readonly datasets: DatasetsReadModel,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async waitFor(cityId: CityId, minPosition: number | undefined): Promise<void> {
    await this.waiter.waitFor(cityId, DATASETS_PROJECTION, minPosition);
    await this.waiter.waitFor(cityId, DATASET_ASSESSMENTS_PROJECTION, minPosition);
  }

  async page(
    cityId: CityId,
    filter: DatasetFilter,
    page: PageRequest,
    minPosition: number | undefined,
  ): Promise<Page<DatasetView>> {
    const after = cursorOf(page, ['string', 'uuid']);
    await this.waitFor(cityId, minPosition);
    const rows = await this.datasets.page(cityId, filter, after, page.limit);
    const latestIds = rows.flatMap((row) =>
      row.latestAssessmentId === null ? [] : [row.latestAssessmentId],
    );
    const latest = new Map((await this.datasets.assessments(cityId, latestIds)).map((a) => [a.id, a]));
    return pageOf(
      rows,
      page.limit,
      (row) => [row.title, row.id],
      (row) => toDatasetView(row, (row.latestAssessmentId && latest.get(row.latestAssessmentId)) || null),
    );
  }
}
