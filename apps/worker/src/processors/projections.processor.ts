import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bullmq';
import { AppConfig } from '@rl/config';
import { JobDispatcher, QueueName } from '@rl/queue';

// Catch-ups of different cities run in parallel; one (city, projection) never runs twice at once
// (deduplicated jobs plus the projection's advisory lock).
@Processor(QueueName.Projections)
export class ProjectionsProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly dispatcher: JobDispatcher,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.projections.workerConcurrency;
  }

  process(job: Job): Promise<void> {
    return this.dispatcher.dispatch(QueueName.Projections, job);
  }
}
