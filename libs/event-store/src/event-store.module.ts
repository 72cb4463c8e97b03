import { Global, Module } from '@nestjs/common';
import { EventSchemas } from './event-schemas';
import { EventStore } from './event-store';

@Global()
@Module({ providers: [EventStore, EventSchemas], exports: [EventStore, EventSchemas] })
export class EventStoreModule {}
