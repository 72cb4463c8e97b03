import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { QueueName } from '@rl/queue';
import { AccountEmailData, AccountEmailKind, AccountEmailRecord } from '../persistence/account-email.entity';

export const accountEmailJobId = (emailId: string) => `account-email-${emailId}`;

// Account e-mails (invitations, resets) go out at once through the notifications queue; quiet hours and
// digests never hold them. Recorded in the caller's transaction, woken after it commits.
@Injectable()
export class AccountMail {
  constructor(@InjectQueue(QueueName.Notifications) private readonly queue: Queue) {}

  async record(
    em: EntityManager,
    userId: string,
    kind: AccountEmailKind,
    data: AccountEmailData,
    token: string | null = null,
  ): Promise<string> {
    const id = randomUUID();
    await em.insert(AccountEmailRecord, { id, userId, kind, data, token });
    return id;
  }

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
