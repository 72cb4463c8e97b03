import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AppConfig, ConfigModule } from '@rl/config';
import { LoggingModule } from '@rl/observability';
import { PersistenceModule } from '@rl/persistence';
import { QueueModule } from '@rl/queue';

// What the API and the worker both stand on: configuration, logs, database, queues, command bus.
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
      ],
    };
  }
}
