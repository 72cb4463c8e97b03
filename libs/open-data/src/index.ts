export { OpenDataModule } from './open-data.module';
export { OPEN_DATA_ENTITIES } from './persistence/open-data.entity';
export { OPEN_DATA_PROJECTION, OpenDataProjection } from './projections/open-data.projection';
export { PublicSeriesReader } from './read/public-series.reader';
export { PublicSeriesView, SeriesObservationView } from './read/public-series.view';
export { EXPORT_FORMATS, ExportFormat } from './read/export-formats';
export { applyDisclosure, Audience, CONFIDENTIAL, effectiveRule } from './domain/series';
export { additiveRelations, DisclosureRule, suppress } from './domain/suppression';
export { SetSdmxMappingCommand } from './commands/set-sdmx-mapping/set-sdmx-mapping.command';
