import { ComparisonResultRecord } from './persistence/comparison-result.entity';
import {
  PublishedIndicatorRecord,
  PublishedPopulationRecord,
  PublishedValueRecord,
} from './persistence/published.entity';
import {
  PublicationFlagsRecord,
  PublicationIndicatorRecord,
  PublicationPeriodRecord,
  PublicationPopulationRecord,
  PublicationValueRecord,
} from './persistence/publication-state.entity';

export { appendPublicationChange } from './commands/set-publication/append-publication-change';
export { SetPopulationCommand } from './commands/set-population/set-population.command';
export { SetPublicationCommand } from './commands/set-publication/set-publication.command';
export { ComparisonsModule } from './comparisons.module';
export { ComparisonSweep } from './jobs/comparison-sweep';
export { PUBLICATION_PROJECTION } from './projections/publication.projection';

export const COMPARISONS_ENTITIES = [
  PublicationIndicatorRecord,
  PublicationPeriodRecord,
  PublicationValueRecord,
  PublicationPopulationRecord,
  PublicationFlagsRecord,
  PublishedIndicatorRecord,
  PublishedValueRecord,
  PublishedPopulationRecord,
  ComparisonResultRecord,
];
