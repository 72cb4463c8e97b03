import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { asCityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { QueueName } from '@rl/queue';
import { ImportsStore } from './imports.store';

const importJobId = (importId: string) => `import-${importId}`;

// Hands an import to the worker: a job that only names it.
export abstract class ImportWakeups {
  abstract wake(cityId: string, importId: string): Promise<unknown>;
}

// Re-enqueues imports that are queued but have no job (Redis lost it) or whose worker went silent.
// Deduplicated by import, so an import with a live job is not enqueued twice.
@Injectable()
export class ImportSweep extends ImportWakeups {
  constructor(
    private readonly db: TenantDb,
    private readonly store: ImportsStore,
    @InjectQueue(QueueName.Imports) private readonly queue: Queue,
  ) {
    super();
  }

  wake(cityId: string, importId: string): Promise<unknown> {
    return this.queue.add(
      'imports.run',
      { cityId, importId },
      { deduplication: { id: importJobId(importId) } },
    );
  }

  async sweep(): Promise<number> {
    const cities = await this.db.platform((em) => em.query<{ id: string }[]>(`SELECT id FROM cities`));
    let woken = 0;
    for (const { id } of cities) {
      for (const importId of await this.store.pending(asCityId(id))) {
        await this.wake(id, importId);
        woken++;
      }
    }
    return woken;
  }
}
