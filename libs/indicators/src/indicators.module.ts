import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CityLocale } from './city-locale';
import { DefineIndicatorHandler } from './commands/define-indicator/define-indicator.handler';
import { UpdateIndicatorHandler } from './commands/update-indicator/update-indicator.handler';
import { IndicatorsController } from './indicators.controller';
import { CityLocales, PgCityLocales } from './persistence/city-locales.repository';
import { GlossaryTerms, PgGlossaryTerms } from './persistence/glossary-terms.repository';
import { IndicatorCodes, PgIndicatorCodes } from './persistence/indicator-codes.repository';
import { IndicatorsReadModel, PgIndicatorsReadModel } from './persistence/indicators.repository';
import { IndicatorCodeRecord, IndicatorRecord } from './projections/indicator.entity';
import { IndicatorCatalogProjection } from './projections/indicator-catalog.projection';
import { GetIndicatorHandler } from './queries/get-indicator/get-indicator.handler';
import { LinkedTerms } from './queries/get-indicator/linked-terms';
import { IndicatorHistoryHandler } from './queries/indicator-history/indicator-history.handler';
import { ListIndicatorsHandler } from './queries/list-indicators/list-indicators.handler';

@Module({
  imports: [TypeOrmModule.forFeature([IndicatorRecord, IndicatorCodeRecord])],
  controllers: [IndicatorsController],
  providers: [
    CityLocale,
    { provide: CityLocales, useClass: PgCityLocales },
    { provide: GlossaryTerms, useClass: PgGlossaryTerms },
    { provide: IndicatorCodes, useClass: PgIndicatorCodes },
    { provide: IndicatorsReadModel, useClass: PgIndicatorsReadModel },
    IndicatorCatalogProjection,
    DefineIndicatorHandler,
    UpdateIndicatorHandler,
    ListIndicatorsHandler,
    GetIndicatorHandler,
    LinkedTerms,
    IndicatorHistoryHandler,
  ],
})
export class IndicatorsModule {}
