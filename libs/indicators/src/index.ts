import { IndicatorCodeRecord, IndicatorRecord } from './projections/indicator.entity';

export {
  INDICATOR_DIRECTIONS,
  INDICATOR_STATUSES,
  INDICATOR_TYPES,
  IndicatorDefinition,
  IndicatorEvent,
  indicatorStream,
} from './domain/indicator.events';
export {
  INDICATOR_CATALOG_PROJECTION,
  IndicatorCatalogProjection,
} from './projections/indicator-catalog.projection';
// The reporting context checks submissions against the definition rebuilt from its stream.
export { indicatorDecider, IndicatorState } from './domain/indicator.decider';
export { IndicatorErrors } from './domain/indicator.errors';
export { IndicatorsModule } from './indicators.module';
export { IndicatorCodeRecord, IndicatorRecord };

export const INDICATORS_ENTITIES = [IndicatorRecord, IndicatorCodeRecord];
export { DefineIndicatorCommand } from './commands/define-indicator/define-indicator.command';
