import { Global, Module } from '@nestjs/common';
import { EventSchemas } from './event-schemas';
import { EventStore } from './event-store';
import { PersonalData } from './personal/personal-data';
import { PersonalDataKeys } from './personal/personal-data-keys';

@Global()
@Module({
  providers: [EventStore, EventSchemas, PersonalData, PersonalDataKeys],
  exports: [EventStore, EventSchemas, PersonalData, PersonalDataKeys],
})
export class EventStoreModule {}
