import { Injectable } from '@nestjs/common';
import { asCityId } from '@rl/kernel';
import { HandlesJob, JobHandlerOf, JobPayloads } from '@rl/queue';
import { PullRunner } from './pull-runner';

// The worker's side of pulls and pushes: the job names the connection; its runs wait in PostgreSQL.
@Injectable()
@HandlesJob('collection.pull')
export class CollectionPullJob implements JobHandlerOf<'collection.pull'> {
  constructor(private readonly runner: PullRunner) {}

  async handle({ cityId, connectionId, scheduled }: JobPayloads['collection.pull']): Promise<void> {
    await this.runner.run(asCityId(cityId), connectionId, scheduled ?? false);
  }
}
