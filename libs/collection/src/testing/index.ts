export { InMemoryCollectionReferences, InMemoryCollectionStore } from './in-memory-collection';
