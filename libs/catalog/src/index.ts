export { CatalogModule } from './catalog.module';
export { buildCatalog, catalogUri, datasetUri, seriesUri } from './domain/dcat-catalog';
export { NS as DCAT_NS } from './domain/rdf';
