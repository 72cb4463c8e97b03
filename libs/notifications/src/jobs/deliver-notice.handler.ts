import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@rl/config';
import { asCityId, CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { ProjectionRunner } from '@rl/projections';
import { HandlesJob, JobHandlerOf, JobPayloads } from '@rl/queue';
import { NoticeData, NoticeKind, NoticeRecipient, RenderedMessage } from '../domain/notice';
import { renderDigest, renderNotice } from '../domain/render-notice';
import { Mailer } from '../channels/mailer';
import { ReminderScheduleProjection } from '../projections/reminder-schedule.projection';
import { MailLease } from './mail-lease';

interface PendingNotice {
  id: string;
  kind: NoticeKind;
  data: NoticeData;
  digest: boolean;
  recipientId: string;
  createdAt: Date;
}

interface Person extends NoticeRecipient {
  email: string;
}

const NOTICE_COLUMNS = `n.id, n.kind, n.data, n.digest, n.recipient_id AS "recipientId",
  n.created_at AS "createdAt"`;

// Sends one e-mail notice (or the recipient's digest) under a lease (MailLease): claimed in a short
// transaction, sent outside any, marked sent in another. A second worker finds the notice claimed and
// leaves it; a failed send is retried with a growing backoff until the notice expires.
@Injectable()
@HandlesJob('notifications.deliver')
export class DeliverNoticeHandler implements JobHandlerOf<'notifications.deliver'> {
  private readonly lease: MailLease;

  constructor(
    private readonly db: TenantDb,
    private readonly mailer: Mailer,
    config: AppConfig,
    private readonly runner: ProjectionRunner,
    private readonly schedule: ReminderScheduleProjection,
  ) {
    this.lease = new MailLease('notices', config);
  }

  async handle({ cityId: city, noticeId }: JobPayloads['notifications.deliver']): Promise<void> {
    const cityId = asCityId(city);
    const claim = randomUUID();
    // The claim decides whether the notice is still owed from the reminder schedule's targets: bring them
    // up to the city's head first, so a submission committed before this job started is seen.
    await this.runner.catchUpToHead(cityId, this.schedule);
    const claimed = await this.claim(cityId, noticeId, claim);
    if (!claimed) return;
    const { notice, batch, person } = claimed;
    const now = new Date();
    const message: RenderedMessage = notice.digest
      ? renderDigest(
          batch.map((n) => ({ kind: n.kind, data: n.data })),
          person,
          now,
        )
      : renderNotice(notice.kind, notice.data, person, now);
    await this.lease.deliver(
      (work) => this.db.inCity(cityId, work),
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

  // Claims the notice (with the rest of the recipient's due digest) and drops what is no longer relevant;
  // null when there is nothing of it to send now.
  private claim(
    cityId: CityId,
    noticeId: string,
    claim: string,
  ): Promise<{ notice: PendingNotice; batch: PendingNotice[]; person: Person } | null> {
    return this.db.inCity(cityId, async (em) => {
      // (An UPDATE … RETURNING answers its rows and their count.)
      const [[notice]] = await em.query<[PendingNotice[], number]>(
        `UPDATE notices n SET ${this.lease.claim('$3')}
          WHERE n.tenant_id = $1 AND n.id IN (
                SELECT id FROM notices c WHERE c.tenant_id = $1 AND c.id = $2 AND c.status = 'pending'
                   AND c.channel = 'email' AND ${this.lease.claimable('c')}
                   FOR UPDATE SKIP LOCKED)
          RETURNING ${NOTICE_COLUMNS}`,
        [cityId, noticeId, claim],
      );
      if (!notice) {
        const [exists] = await em.query<{ id: string }[]>(
          `SELECT id FROM notices WHERE tenant_id = $1 AND id = $2`,
          [cityId, noticeId],
        );
        // Not committed yet by whoever recorded it: retry shortly. Otherwise it is sent, being sent,
        // waiting for its time or its next attempt (the reconciler wakes it then), or given up.
        if (!exists) throw new Error(`Notice ${noticeId} is not visible yet`);
        return null;
      }
      const batch = notice.digest ? await this.digestBatch(em, cityId, notice, claim) : [notice];
      const relevant = await this.stillRelevant(em, cityId, batch);
      const stale = batch.filter((n) => !relevant.has(n.id)).map((n) => n.id);
      if (stale.length > 0) {
        await em.query(
          `UPDATE notices SET status = 'skipped', claimed_by = NULL, lease_until = NULL
            WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
          [cityId, stale],
        );
      }
      if (relevant.size === 0) return null;
      const person = await this.person(em, cityId, notice.recipientId);
      return { notice, batch: batch.filter((n) => relevant.has(n.id)), person };
    });
  }

  // The one decision on the state of the work a notice is about: reminders of an assignment that is no
  // longer open (submitted, validated, withdrawn since) are not sent. Read from the reminder-schedule
  // projection's targets, caught up to the head before the claim.
  private async stillRelevant(
    em: EntityManager,
    cityId: CityId,
    batch: PendingNotice[],
  ): Promise<Set<string>> {
    const rows = await em.query<{ id: string }[]>(
      `SELECT n.id FROM notices n
        WHERE n.tenant_id = $1 AND n.id = ANY($2::uuid[])
          AND (n.assignment_id IS NULL OR EXISTS (SELECT 1 FROM reminder_targets t WHERE t.tenant_id = n.tenant_id
               AND t.assignment_id = n.assignment_id AND t.state IN ('open', 'returned')))`,
      [cityId, batch.map((n) => n.id)],
    );
    return new Set(rows.map((r) => r.id));
  }

  // Every other due digest notice of the recipient in this city, claimed with the one that woke us.
  private digestBatch(
    em: EntityManager,
    cityId: CityId,
    first: PendingNotice,
    claim: string,
  ): Promise<PendingNotice[]> {
    return em
      .query<[PendingNotice[], number]>(
        `UPDATE notices n SET ${this.lease.claim('$4')}
          WHERE n.tenant_id = $1 AND n.id IN (
                SELECT id FROM notices c WHERE c.tenant_id = $1 AND c.recipient_id = $2 AND c.id <> $3
                   AND c.channel = 'email' AND c.digest AND c.status = 'pending' AND ${this.lease.claimable('c')}
                   FOR UPDATE SKIP LOCKED)
          RETURNING ${NOTICE_COLUMNS}`,
        [cityId, first.recipientId, first.id, claim],
      )
      .then(([rows]) => [
        first,
        ...rows.sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime()),
      ]);
  }

  private async person(em: EntityManager, cityId: CityId, userId: string): Promise<Person> {
    const [row] = await em.query<Person[]>(
      `SELECT u.email, u.name, coalesce(u.locale, c.default_locale) AS locale,
              coalesce(p.timezone, c.timezone) AS timezone
         FROM users u JOIN cities c ON c.id = $1 LEFT JOIN notification_preferences p ON p.user_id = u.id
        WHERE u.id = $2`,
      [cityId, userId],
    );
    return row;
  }
}
