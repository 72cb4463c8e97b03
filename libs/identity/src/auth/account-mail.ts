import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QueueName } from '@rl/queue';

export const accountEmailJobId = (emailId: string) => `account-email-${emailId}`;

// Account e-mails (invitations, resets) go out at once through the notifications queue; quiet hours and
// digests never hold them. Recorded in the caller's transaction (AccountOutbox), woken after it commits.
export abstract class AccountMail {
  abstract wake(emailIds: readonly string[]): Promise<void>;
}

@Injectable()
export class QueuedAccountMail implements AccountMail {
  constructor(@InjectQueue(QueueName.Notifications) private readonly queue: Queue) {}

  async wake(emailIds: readonly string[]): Promise<void> {
    if (emailIds.length === 0) return;
    await this.queue.addBulk(
      emailIds.map((emailId) => ({
        name: 'notifications.account-email',
        data: { emailId },
        opts: { jobId: accountEmailJobId(emailId), removeOnComplete: true },
      })),
    );
  }
}
