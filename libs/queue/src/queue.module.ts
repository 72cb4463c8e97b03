import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@rl/config';
import { DEFAULT_JOB_OPTIONS, QueueName } from './queues';
import { createCommandClient, REDIS, bullConnection } from './redis';

const QUEUES = Object.values(QueueName).map((name) => ({ name, defaultJobOptions: DEFAULT_JOB_OPTIONS }));

@Global()
@Module({})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static forRoot(): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            connection: bullConnection(config.redis.url),
            prefix: config.redis.queuePrefix,
          }),
        }),
        BullModule.registerQueue(...QUEUES),
      ],
      providers: [
        {
          provide: REDIS,
          inject: [AppConfig],
          useFactory: (config: AppConfig) => createCommandClient(config.redis.url),
        },
      ],
      exports: [REDIS, BullModule],
    };
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
