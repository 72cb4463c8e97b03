import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { asCityId } from '@rl/kernel';
import { HandlesJob, JobHandlerOf, JobPayloads } from '@rl/queue';
import { RenderedMessage } from '../domain/notice';
import { renderDigest, renderNotice } from '../domain/render-notice';
import { Mailer } from '../channels/mailer';
import { NoticeMails } from '../persistence/notice-mails.repository';
import { ReminderScheduleHead } from './reminder-schedule-head';

// Sends one e-mail notice (or the recipient's digest) under a lease (MailLease): claimed in a short
// transaction, sent outside any, marked sent in another. A second worker finds the notice claimed and
// leaves it; a failed send is retried with a growing backoff until the notice expires.
@Injectable()
@HandlesJob('notifications.deliver')
export class DeliverNoticeHandler implements JobHandlerOf<'notifications.deliver'> {
  constructor(
    private readonly notices: NoticeMails,
    private readonly mailer: Mailer,
    private readonly scheduleHead: ReminderScheduleHead,
  ) {}

  async handle({ cityId: city, noticeId }: JobPayloads['notifications.deliver']): Promise<void> {
    const cityId = asCityId(city);
    const claim = randomUUID();
    // The claim decides whether the notice is still owed from the reminder schedule's targets.
    await this.scheduleHead.reach(cityId);
    const claimed = await this.notices.claim(cityId, noticeId, claim);
    // Not committed yet by whoever recorded it: retry shortly. Otherwise the reconciler wakes it when due.
    if (claimed.outcome === 'not_visible') throw new Error(`Notice ${noticeId} is not visible yet`);
    if (claimed.outcome === 'nothing') return;
    const { notice, batch, person } = claimed;
    const now = new Date();
    const message: RenderedMessage = notice.digest
      ? renderDigest(
          batch.map((n) => ({ kind: n.kind, data: n.data })),
          person,
          now,
        )
      : renderNotice(notice.kind, notice.data, person, now);
    await this.notices.deliver(
      cityId,
      batch.map((n) => n.id),
      claim,
      () =>
        this.mailer.send({
          ...message,
          to: person.email,
          messageId: `<${notice.id}@rights-ledger>`,
          kind: notice.digest ? 'digest' : notice.kind,
        }),
    );
  }
}
