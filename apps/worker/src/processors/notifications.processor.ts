import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { MAIL_CONNECTIONS } from '@rl/notifications';
import { JobDispatcher, QueueName } from '@rl/queue';

// Reminders fire and notices go out a few at a time: one pooled SMTP connection per concurrent send (no
// database connection is held while the mail server answers).
@Processor(QueueName.Reminders, { concurrency: 8 })
export class RemindersProcessor extends WorkerHost {
  constructor(private readonly dispatcher: JobDispatcher) {
    super();
  }

  process(job: Job): Promise<void> {
    return this.dispatcher.dispatch(QueueName.Reminders, job);
  }
}

@Processor(QueueName.Notifications, { concurrency: MAIL_CONNECTIONS })
export class NotificationsProcessor extends WorkerHost {
  constructor(private readonly dispatcher: JobDispatcher) {
    super();
  }

  process(job: Job): Promise<void> {
    return this.dispatcher.dispatch(QueueName.Notifications, job);
  }
}
