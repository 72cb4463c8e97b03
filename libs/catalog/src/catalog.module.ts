import { Module } from '@nestjs/common';
import { CatalogController } from './catalog.controller';
import { CatalogSources, PgCatalogSources } from './persistence/catalog-sources.repository';
import { GetCatalogHandler } from './queries/get-catalog/get-catalog.handler';

// The city's DCAT-AP catalogue: read only, from what the indicators, publication and datasets contexts
// have recorded; no table or projection of its own.
@Module({
  controllers: [CatalogController],
  providers: [{ provide: CatalogSources, useClass: PgCatalogSources }, GetCatalogHandler],
})
export class CatalogModule {}
