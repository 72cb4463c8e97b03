import { Global, Module } from '@nestjs/common';
import { Aggregates, EventStoreAggregates } from './aggregates';
import { EventSchemas } from './event-schemas';
import { EventStore } from './event-store';
import { PersonalData } from './personal/personal-data';
import { PersonalDataKeys } from './personal/personal-data-keys';

@Global()
@Module({
  providers: [
    EventStore,
    EventStoreAggregates,
    { provide: Aggregates, useExisting: EventStoreAggregates },
    EventSchemas,
    PersonalData,
    PersonalDataKeys,
  ],
  exports: [EventStore, Aggregates, EventStoreAggregates, EventSchemas, PersonalData, PersonalDataKeys],
})
export class EventStoreModule {}
