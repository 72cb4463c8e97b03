import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CityLocale } from './city-locale';
import { DefineIndicatorHandler } from './commands/define-indicator/define-indicator.handler';
import { UpdateIndicatorHandler } from './commands/update-indicator/update-indicator.handler';
import { IndicatorHistory } from './indicator-history';
import { IndicatorsController } from './indicators.controller';
import { IndicatorCodeRecord, IndicatorRecord } from './projections/indicator.entity';
import { IndicatorCatalogProjection } from './projections/indicator-catalog.projection';
import { GetIndicatorHandler } from './queries/get-indicator/get-indicator.handler';
import { IndicatorHistoryHandler } from './queries/indicator-history/indicator-history.handler';
import { ListIndicatorsHandler } from './queries/list-indicators/list-indicators.handler';

@Module({
  imports: [TypeOrmModule.forFeature([IndicatorRecord, IndicatorCodeRecord])],
  controllers: [IndicatorsController],
  providers: [
    CityLocale,
    IndicatorHistory,
    IndicatorCatalogProjection,
    DefineIndicatorHandler,
    UpdateIndicatorHandler,
    ListIndicatorsHandler,
    GetIndicatorHandler,
    IndicatorHistoryHandler,
  ],
  // The reporting context checks submissions against the definition rebuilt from its stream.
  exports: [IndicatorHistory],
})
export class IndicatorsModule {}
