import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SetDisclosureHandler } from './commands/set-disclosure/set-disclosure.handler';
import { SetSdmxMappingHandler } from './commands/set-sdmx-mapping/set-sdmx-mapping.handler';
import { PgSdmxObservedData, SdmxObservedData } from './persistence/sdmx-observed.repository';
import { OpenDataController } from './open-data.controller';
import { OPEN_DATA_ENTITIES } from './persistence/open-data.entity';
import { PgPublishedSeries, PublishedSeries } from './persistence/published-series.repository';
import { OpenDataProjection } from './projections/open-data.projection';
import { PublicSeriesReader } from './read/public-series.reader';

@Module({
  imports: [TypeOrmModule.forFeature(OPEN_DATA_ENTITIES)],
  controllers: [OpenDataController],
  providers: [
    { provide: PublishedSeries, useClass: PgPublishedSeries },
    PublicSeriesReader,
    OpenDataProjection,
    SetDisclosureHandler,
    { provide: SdmxObservedData, useClass: PgSdmxObservedData },
    SetSdmxMappingHandler,
  ],
  exports: [PublicSeriesReader],
})
export class OpenDataModule {}
