export {
  Assessment,
  CRITERIA,
  DATASET_EVENT_TYPES,
  DatasetDetails,
  DatasetEvent,
  datasetStream,
  VERDICTS,
} from './domain/dataset.events';
// What the DCAT-AP catalogue maps the entries' vocabularies to.
export {
  DATASET_KINDS,
  DatasetFormat,
  FORMAT_MEDIA_TYPES,
  FREQUENCY_CODES,
  SECTORS,
  UPDATE_FREQUENCIES,
  UpdateFrequency,
} from './domain/dataset-vocabularies';
export { SPDX_LICENCE_IDS } from './domain/spdx-licences';
export { DatasetAssessmentRecord, DatasetRecord, DATASETS_ENTITIES } from './persistence/dataset.entities';
export {
  DATASET_ASSESSMENTS_PROJECTION,
  DatasetAssessmentsProjection,
} from './projections/dataset-assessments.projection';
export { DATASETS_PROJECTION, DatasetsProjection } from './projections/datasets.projection';
export { DatasetsModule } from './datasets.module';
export { AssessDatasetCommand } from './commands/assess-dataset/assess-dataset.command';
export { CatalogueDatasetCommand } from './commands/catalogue-dataset/catalogue-dataset.command';
