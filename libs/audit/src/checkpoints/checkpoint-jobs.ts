import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { asCityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { HandlesJob, JobHandlerOf, JobPayloads, QueueName } from '@rl/queue';
import { CheckpointSigner } from './checkpoint-signer';

// Part of the worker's sweep: wakes the signing of every city whose head is due for a checkpoint. The
// job is deduplicated per city; PostgreSQL, not the job, says whether it is still due.
@Injectable()
export class CheckpointSweep {
  constructor(
    private readonly db: TenantDb,
    private readonly signer: CheckpointSigner,
    @InjectQueue(QueueName.Maintenance) private readonly queue: Queue,
  ) {}

  async sweep(): Promise<number> {
    const cities = await this.db.platform((em) => em.query<{ id: string }[]>(`SELECT id FROM cities`));
    let woken = 0;
    for (const { id } of cities) {
      const cityId = asCityId(id);
      if (!(await this.signer.due(cityId))) continue;
      await this.queue.add(
        'audit.checkpoint',
        { cityId },
        { deduplication: { id: `audit-checkpoint|${id}` } },
      );
      woken++;
    }
    return woken;
  }
}

@Injectable()
@HandlesJob('audit.checkpoint')
export class SignDueCheckpointHandler implements JobHandlerOf<'audit.checkpoint'> {
  constructor(private readonly signer: CheckpointSigner) {}

  async handle({ cityId }: JobPayloads['audit.checkpoint']): Promise<void> {
    await this.signer.signIfDue(asCityId(cityId));
  }
}
