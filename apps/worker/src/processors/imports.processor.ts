import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobDispatcher, QueueName } from '@rl/queue';

// One import at a time per worker process: an import is CPU- and memory-heavy, and one city's large file
// must not crowd out the projections and reads of the others.
@Processor(QueueName.Imports, { concurrency: 1 })
export class ImportsProcessor extends WorkerHost {
  constructor(private readonly dispatcher: JobDispatcher) {
    super();
  }

  process(job: Job): Promise<void> {
    return this.dispatcher.dispatch(QueueName.Imports, job);
  }
}
