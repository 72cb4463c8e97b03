export { aDefinition, indicatorDefined } from './indicator-fixtures';
export { InMemoryCityLocales, InMemoryGlossaryTerms, InMemoryIndicatorCodes } from './in-memory-indicators';
