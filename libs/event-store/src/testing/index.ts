export { InMemoryAggregates } from './in-memory-aggregates';
