import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobDispatcher, QueueName } from '@rl/queue';

// One report at a time per worker process: a generation replays the city's whole log into scratch
// tables, which must not crowd out the projections and reads of other cities.
@Processor(QueueName.Exports, { concurrency: 1 })
export class ExportsProcessor extends WorkerHost {
  constructor(private readonly dispatcher: JobDispatcher) {
    super();
  }

  process(job: Job): Promise<void> {
    return this.dispatcher.dispatch(QueueName.Exports, job);
  }
}
