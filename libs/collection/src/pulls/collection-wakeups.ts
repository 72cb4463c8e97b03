import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '@rl/config';
import { asCityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { QueueName } from '@rl/queue';
import { CollectionStore } from '../persistence/collection.store';

const jobKey = (connectionId: string) => `collection-${connectionId}`;

// Wakes a connection's pull: one pending job per connection (deduplicated), scheduled pulls through a
// BullMQ job scheduler per connection. Jobs only name the connection; its runs wait in PostgreSQL, and the
// sweep re-creates what Redis lost.
@Injectable()
export class CollectionWakeups {
  constructor(
    private readonly db: TenantDb,
    private readonly store: CollectionStore,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Imports) private readonly queue: Queue,
  ) {}

  wake(cityId: string, connectionId: string): Promise<unknown> {
    return this.queue.add(
      'collection.pull',
      { cityId, connectionId },
      { deduplication: { id: jobKey(connectionId) } },
    );
  }

  unschedule(connectionId: string): Promise<boolean> {
    return this.queue.removeJobScheduler(jobKey(connectionId));
  }

  async sweep(): Promise<void> {
    const every = this.config.collection.pullEveryMinutes * 60_000;
    const cities = await this.db.platform((em) => em.query<{ id: string }[]>(`SELECT id FROM cities`));
    for (const { id: cityId } of cities) {
      for (const connection of await this.store.pending(asCityId(cityId))) {
        if (connection.queued) await this.wake(cityId, connection.id);
        if (every === 0 || !connection.scheduled || (await this.queue.getJobScheduler(jobKey(connection.id))))
          continue;
        await this.queue.upsertJobScheduler(
          jobKey(connection.id),
          { every },
          { name: 'collection.pull', data: { cityId, connectionId: connection.id, scheduled: true } },
        );
      }
    }
  }
}
