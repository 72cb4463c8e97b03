export { aDefinition, indicatorDefined } from './indicator-fixtures';
export { InMemoryCityLocales, InMemoryIndicatorCodes } from './in-memory-indicators';
