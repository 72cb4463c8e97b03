import { Module } from '@nestjs/common';
import { OpenDataModule } from '@rl/open-data';
import { ComparisonReadModel, PgComparisonReadModel } from './persistence/comparison-results.repository';
import { ComparisonDisclosure } from './read/comparison-disclosure';
import { ComparisonResults } from './read/comparison-results';
import { ComparisonSeriesHandler } from './read/comparison-series/comparison-series.handler';
import { ComparisonsController, PublicComparisonsController } from './read/comparisons.controller';
import { GetComparisonHandler } from './read/get-comparison/get-comparison.handler';
import { PublicComparisonStamp } from './read/public-comparison-stamp';
import { PublicCityIndicatorsHandler } from './read/public-city-indicators/public-city-indicators.handler';

// The read side of comparisons: GET /v1/comparisons(/series) for signed-in users, the same under
// /v1/public for anonymous readers, and a city's public indicators.
@Module({
  imports: [OpenDataModule],
  controllers: [ComparisonsController, PublicComparisonsController],
  providers: [
    { provide: ComparisonReadModel, useClass: PgComparisonReadModel },
    ComparisonResults,
    ComparisonDisclosure,
    GetComparisonHandler,
    ComparisonSeriesHandler,
    PublicCityIndicatorsHandler,
    PublicComparisonStamp,
  ],
})
export class ComparisonsReadModule {}
