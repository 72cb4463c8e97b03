import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QueueName } from '@rl/queue';

const HOUR_MS = 3_600_000;

// Repeatable jobs. Upserting on every start re-creates them if Redis lost its data.
@Injectable()
export class Schedules implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.Maintenance) private readonly maintenance: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.maintenance.upsertJobScheduler(
      'purge-expired-credentials',
      { every: HOUR_MS },
      { name: 'maintenance.purge-expired-credentials', data: {} },
    );
  }
}
