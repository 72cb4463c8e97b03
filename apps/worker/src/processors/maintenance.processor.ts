import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobDispatcher, QueueName } from '@rl/queue';

@Processor(QueueName.Maintenance)
export class MaintenanceProcessor extends WorkerHost {
  constructor(private readonly dispatcher: JobDispatcher) {
    super();
  }

  process(job: Job): Promise<void> {
    return this.dispatcher.dispatch(QueueName.Maintenance, job);
  }
}
