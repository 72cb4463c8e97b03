import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AppConfig, ConfigModule } from '@rl/config';
import { EventStoreModule } from '@rl/event-store';
import { LoggingModule } from '@rl/observability';
import { PersistenceModule } from '@rl/persistence';
import { ProjectionsModule } from '@rl/projections';
import { QueueModule } from '@rl/queue';

// What the API and the worker both stand on: configuration, logs, database, queues, command bus,
// the event store and the projection engine.
@Module({})
export class BaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: BaseModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        PersistenceModule.forRoot(),
        QueueModule.forRoot(),
        CqrsModule.forRoot(),
        EventStoreModule,
        ProjectionsModule,
      ],
    };
  }
}
