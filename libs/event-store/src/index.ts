export { EventSchemas } from './event-schemas';
export { EventStore, EventTransaction } from './event-store';
export { EventStoreModule } from './event-store.module';
export { foldStream, Loaded } from './fold-stream';
export { EventsAppended } from './events-appended';
export { AppendResult, EventMetadata, ExpectedVersion, NewEvent, RecordedEvent } from './event.types';
export { streamConflict } from './stream-conflict';
