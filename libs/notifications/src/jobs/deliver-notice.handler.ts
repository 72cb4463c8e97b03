import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { asCityId, CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { HandlesJob, JobHandlerOf, JobPayloads } from '@rl/queue';
import { NoticeData, NoticeKind, NoticeRecipient, RenderedMessage } from '../domain/notice';
import { renderDigest, renderNotice } from '../domain/templates';
import { Mailer } from '../channels/mailer';

interface PendingNotice {
  id: string;
  kind: NoticeKind;
  data: NoticeData;
  digest: boolean;
  sendAfter: Date;
  recipientId: string;
  stillRelevant: boolean;
}

interface Person extends NoticeRecipient {
  email: string;
}

const NOTICE_COLUMNS = `n.id, n.kind, n.data, n.digest, n.send_after AS "sendAfter", n.recipient_id AS "recipientId",
  (n.assignment_id IS NULL OR EXISTS (SELECT 1 FROM reminder_targets t WHERE t.tenant_id = n.tenant_id
     AND t.assignment_id = n.assignment_id AND t.state IN ('open', 'returned'))) AS "stillRelevant"`;

// Sends one e-mail notice (or the recipient's digest). The notice row stays locked while the message is
// handed to the mail server and is marked sent in the same transaction: a second worker skips it (SKIP
// LOCKED) and a worker killed mid-send rolls back, so the retry sends it — exactly once per key, except
// for a crash between the server's acceptance and the commit (then the Message-ID repeats).
@Injectable()
@HandlesJob('notifications.deliver')
export class DeliverNoticeHandler implements JobHandlerOf<'notifications.deliver'> {
  constructor(
    private readonly db: TenantDb,
    private readonly mailer: Mailer,
  ) {}

  async handle({ cityId: city, noticeId }: JobPayloads['notifications.deliver']): Promise<void> {
    const cityId = asCityId(city);
    await this.db.inCity(cityId, async (em) => {
      const [notice] = await em.query<PendingNotice[]>(
        `SELECT ${NOTICE_COLUMNS} FROM notices n
          WHERE n.tenant_id = $1 AND n.id = $2 AND n.status = 'pending' AND n.channel = 'email'
          FOR UPDATE OF n SKIP LOCKED`,
        [cityId, noticeId],
      );
      if (!notice) {
        const [exists] = await em.query<{ id: string }[]>(
          `SELECT id FROM notices WHERE tenant_id = $1 AND id = $2`,
          [cityId, noticeId],
        );
        // Not committed yet by whoever recorded it: retry shortly. Otherwise it is sent, or being sent.
        if (!exists) throw new Error(`Notice ${noticeId} is not visible yet`);
        return;
      }
      if (new Date(notice.sendAfter) > new Date()) return;
      const person = await this.person(em, cityId, notice.recipientId);
      const batch = notice.digest ? await this.digestBatch(em, cityId, notice) : [notice];
      const relevant = batch.filter((n) => n.stillRelevant);
      const stale = batch.filter((n) => !n.stillRelevant).map((n) => n.id);
      if (stale.length > 0) await this.mark(em, cityId, stale, 'skipped');
      if (relevant.length === 0) return;
      const now = new Date();
      const message: RenderedMessage = notice.digest
        ? renderDigest(
            relevant.map((n) => ({ kind: n.kind, data: n.data })),
            person,
            now,
          )
        : renderNotice(notice.kind, notice.data, person, now);
      await this.mailer.send({
        ...message,
        to: person.email,
        messageId: `<${notice.id}@rights-ledger>`,
        kind: notice.digest ? 'digest' : notice.kind,
      });
      await this.mark(
        em,
        cityId,
        relevant.map((n) => n.id),
        'sent',
      );
    });
  }

  // Every due digest notice of the recipient in this city, locked with the one that woke us.
  private digestBatch(em: EntityManager, cityId: CityId, first: PendingNotice): Promise<PendingNotice[]> {
    return em
      .query<PendingNotice[]>(
        `SELECT ${NOTICE_COLUMNS} FROM notices n
        WHERE n.tenant_id = $1 AND n.recipient_id = $2 AND n.channel = 'email' AND n.digest
          AND n.status = 'pending' AND n.send_after <= now()
        ORDER BY n.created_at
        FOR UPDATE OF n SKIP LOCKED`,
        [cityId, first.recipientId],
      )
      .then((rows) => [first, ...rows.filter((r) => r.id !== first.id)]);
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

  private async mark(
    em: EntityManager,
    cityId: CityId,
    ids: string[],
    status: 'sent' | 'skipped',
  ): Promise<void> {
    await em.query(
      `UPDATE notices SET status = $3::text::notice_status, sent_at = CASE WHEN $3::text = 'sent' THEN now() END
        WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [cityId, ids, status],
    );
  }
}
