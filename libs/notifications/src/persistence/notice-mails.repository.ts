import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@rl/config';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { NoticeData, NoticeKind, NoticeRecipient } from '../domain/notice';
import { MailLease } from './mail-lease';

export interface PendingNotice {
  id: string;
  kind: NoticeKind;
  data: NoticeData;
  digest: boolean;
  recipientId: string;
  createdAt: Date;
}

export interface Person extends NoticeRecipient {
  email: string;
}

// What a claim found: the notice is not committed yet (retry shortly), there is nothing of it to send
// now (sent, being sent, waiting for its time or next attempt, given up, or no longer relevant), or the
// claimed batch (the notice, with the rest of the recipient's due digest) and its addressee.
export type NoticeClaim =
  | { outcome: 'not_visible' }
  | { outcome: 'nothing' }
  | { outcome: 'claimed'; notice: PendingNotice; batch: PendingNotice[]; person: Person };

// A city's e-mail notices, sent under a lease (MailLease).
export abstract class NoticeMails {
  // Claims the notice under `claim` (with the rest of the recipient's due digest) in one short
  // transaction, and skips what is no longer relevant.
  abstract claim(cityId: CityId, noticeId: string, claim: string): Promise<NoticeClaim>;
  // Sends the claimed notices' message outside any transaction and records the outcome.
  abstract deliver(cityId: CityId, ids: string[], claim: string, send: () => Promise<void>): Promise<boolean>;
}

const NOTICE_COLUMNS = `n.id, n.kind, n.data, n.digest, n.recipient_id AS "recipientId",
  n.created_at AS "createdAt"`;

@Injectable()
export class PgNoticeMails implements NoticeMails {
  private readonly lease: MailLease;

  constructor(
    private readonly db: TenantDb,
    config: AppConfig,
  ) {
    this.lease = new MailLease('notices', config);
  }

  claim(cityId: CityId, noticeId: string, claim: string): Promise<NoticeClaim> {
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
        return { outcome: exists ? 'nothing' : 'not_visible' };
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
      if (relevant.size === 0) return { outcome: 'nothing' };
      const person = await this.person(em, cityId, notice.recipientId);
      return { outcome: 'claimed', notice, batch: batch.filter((n) => relevant.has(n.id)), person };
    });
  }

  deliver(cityId: CityId, ids: string[], claim: string, send: () => Promise<void>): Promise<boolean> {
    return this.lease.deliver((work) => this.db.inCity(cityId, work), ids, claim, send);
  }

  // The one decision on the state of the work a notice is about: reminders of an assignment that is no
  // longer open (submitted, validated, withdrawn since), or of a task done or cancelled since, are not sent. Read from the reminder-schedule
  // projection's targets, which the job catches up to the head before the claim.
  private async stillRelevant(
    em: EntityManager,
    cityId: CityId,
    batch: PendingNotice[],
  ): Promise<Set<string>> {
    const rows = await em.query<{ id: string }[]>(
      `SELECT n.id FROM notices n
        WHERE n.tenant_id = $1 AND n.id = ANY($2::uuid[])
          AND (n.assignment_id IS NULL OR EXISTS (SELECT 1 FROM reminder_targets t WHERE t.tenant_id = n.tenant_id
               AND t.assignment_id = n.assignment_id AND t.state IN ('open', 'returned')))
          AND (n.task_id IS NULL OR EXISTS (SELECT 1 FROM reminder_tasks t WHERE t.tenant_id = n.tenant_id
               AND t.task_id = n.task_id AND t.status IN ('open', 'in_progress')))`,
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
