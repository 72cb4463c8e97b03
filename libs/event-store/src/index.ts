export { EventSchemas } from './event-schemas';
export { EventStore, EventTransaction } from './event-store';
export { EventStoreModule } from './event-store.module';
export { EventsAppended } from './events-appended';
export {
  AppendResult,
  EventEnvelope,
  EventMetadata,
  ExpectedVersion,
  NewEvent,
  RecordedEvent,
} from './event.types';
export { streamConflict } from './stream-conflict';
export { PersonalData } from './personal/personal-data';
export { PersonalDataKeys } from './personal/personal-data-keys';
export { EVENT_STORE_ENTITIES } from './personal/personal-data-key.entity';
export {
  byActor,
  ERASED,
  erasureSegments,
  PERSON_DATA_ERASED,
  PersonalDataDeclarations,
  PersonalFields,
  PersonDataErasedData,
  personStream,
} from './personal/personal-fields';
export { Aggregate, aggregate, Aggregates, EventStoreAggregates, HandleOptions } from './aggregates';
export { decideAgainst } from './aggregates';
