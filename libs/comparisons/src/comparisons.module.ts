import { Module } from '@nestjs/common';
import { SetPopulationHandler } from './commands/set-population/set-population.handler';
import { SetPublicationHandler } from './commands/set-publication/set-publication.handler';
import { ComparisonWakeups } from './comparison-wakeups';
import { ComparisonsReadModule } from './comparisons-read.module';
import { ComparisonSweep } from './jobs/comparison-sweep';
import { RecomputeComparisonHandler } from './jobs/recompute-comparison.handler';
import { PgPublications, Publications } from './persistence/publications.repository';
import { PublicationProjection } from './projections/publication.projection';
import { PublicationController } from './publication.controller';
import { ComparisonWakeupsReactor } from './reactors/comparison-wakeups.reactor';

@Module({
  imports: [ComparisonsReadModule],
  controllers: [PublicationController],
  providers: [
    { provide: Publications, useClass: PgPublications },
    SetPublicationHandler,
    SetPopulationHandler,
    ComparisonWakeups,
    PublicationProjection,
    ComparisonWakeupsReactor,
    RecomputeComparisonHandler,
    ComparisonSweep,
  ],
  exports: [ComparisonSweep],
})
export class ComparisonsModule {}
