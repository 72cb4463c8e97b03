import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventSchemas } from '@rl/event-store';
import { AssessDatasetHandler } from './commands/assess-dataset/assess-dataset.handler';
import { CatalogueDatasetHandler } from './commands/catalogue-dataset/catalogue-dataset.handler';
import { ReviseDatasetHandler } from './commands/revise-dataset/revise-dataset.handler';
import { DatasetsController, IndicatorDatasetsController } from './datasets.controller';
import { DATASETS_PERSONAL_DATA } from './datasets-personal-data';
import { DATASETS_ENTITIES } from './persistence/dataset.entities';
import { DatasetReferences, PgDatasetReferences } from './persistence/dataset-references.repository';
import { DatasetsReadModel, PgDatasetsReadModel } from './persistence/datasets.repository';
import { DatasetAssessmentsProjection } from './projections/dataset-assessments.projection';
import { DatasetsProjection } from './projections/datasets.projection';
import { DatasetsReader } from './queries/datasets-reader';
import { GetDatasetHandler } from './queries/get-dataset/get-dataset.handler';
import { ListAssessmentsHandler } from './queries/list-assessments/list-assessments.handler';
import { ListDatasetsHandler } from './queries/list-datasets/list-datasets.handler';

@Module({
  imports: [TypeOrmModule.forFeature(DATASETS_ENTITIES)],
  controllers: [DatasetsController, IndicatorDatasetsController],
  providers: [
    { provide: DatasetsReadModel, useClass: PgDatasetsReadModel },
    { provide: DatasetReferences, useClass: PgDatasetReferences },
    DatasetsProjection,
    DatasetAssessmentsProjection,
    DatasetsReader,
    CatalogueDatasetHandler,
    ReviseDatasetHandler,
    AssessDatasetHandler,
    ListDatasetsHandler,
    GetDatasetHandler,
    ListAssessmentsHandler,
  ],
})
export class DatasetsModule {
  constructor(schemas: EventSchemas) {
    schemas.declarePersonal(DATASETS_PERSONAL_DATA);
  }
}
