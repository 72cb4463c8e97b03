import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobDispatcher, QueueName } from '@rl/queue';

// Recomputations of different framework codes run side by side; one code never twice at once
// (deduplicated wake-ups).
@Processor(QueueName.Comparisons, { concurrency: 2 })
export class ComparisonsProcessor extends WorkerHost {
  constructor(private readonly dispatcher: JobDispatcher) {
    super();
  }

  process(job: Job): Promise<void> {
    return this.dispatcher.dispatch(QueueName.Comparisons, job);
  }
}
