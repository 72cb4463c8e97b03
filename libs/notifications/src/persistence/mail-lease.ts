import { Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@rl/config';
import { MAIL_TIMEOUT_MS } from '../channels/mailer';

// The two e-mail outboxes: a city's notices and the platform's account e-mails.
export type MailTable = 'notices' | 'account_emails';

// Outlasts the slowest send the mailer allows (connect, greeting and idle-socket limits, twice over). A
// send still running when its lease ends may be repeated by another worker, under the same Message-ID.
const LEASE_MS = 6 * MAIL_TIMEOUT_MS;

// When a row fell due (its age counts from there), and what else a settled row gives up.
const DUE: Record<MailTable, string> = { notices: 'send_after', account_emails: 'created_at' };
// An account e-mail's one-time token lives only until the mail server has it, or it is given up.
const ON_SETTLE: Record<MailTable, string> = { notices: '', account_emails: ', token = NULL' };

// SQL: when the reconciler should look at a pending row again (its due time, its next attempt, the end of
// a live lease).
export const nextLook = (table: MailTable) => `greatest(${DUE[table]}, retry_at, lease_until)`;

type InTransaction = (work: (em: EntityManager) => Promise<unknown>) => Promise<unknown>;

// Sending from an outbox without holding a row lock across the SMTP conversation: a short transaction
// claims the rows (claimed_by, lease_until), the message is sent outside any transaction, and another
// short transaction records the outcome — only if the claim is still ours. A failed send is retried
// after a doubling backoff (retry_at) until the row is NOTICE_MAX_AGE_HOURS past due; the reconciler
// then marks it failed. Exactly once, except when a worker dies between the server's acceptance and
// the second transaction: the lease expires, the message goes again and its Message-ID repeats.
export class MailLease {
  private readonly logger = new Logger('MailLease');

  constructor(
    private readonly table: MailTable,
    private readonly config: AppConfig,
  ) {}

  // SQL: the row under `alias` may be claimed now (due, no retry to wait for, no live lease, not expired).
  claimable(alias: string): string {
    const due = `${alias}.${DUE[this.table]}`;
    return `${due} <= now() AND ${due} > now() - interval '${this.config.notifications.noticeMaxAgeHours} hours'
      AND (${alias}.retry_at IS NULL OR ${alias}.retry_at <= now())
      AND (${alias}.lease_until IS NULL OR ${alias}.lease_until < now())`;
  }

  // SQL: the SET items that claim a row for the attempt `param` names.
  claim(param: string): string {
    return `claimed_by = ${param}, lease_until = now() + interval '${LEASE_MS} milliseconds'`;
  }

  // Sends the claimed rows' message and records the outcome. A refusal or an unreachable server is not
  // an error of the job: it is recorded with the time of the next attempt, which the reconciler wakes.
  async deliver(
    run: InTransaction,
    ids: string[],
    claim: string,
    send: () => Promise<void>,
  ): Promise<boolean> {
    try {
      await send();
    } catch (error) {
      const { noticeBackoffMs, noticeBackoffMaxMs } = this.config.notifications;
      await run((em) =>
        em.query(
          `UPDATE ${this.table} SET attempts = attempts + 1, error = $3, claimed_by = NULL, lease_until = NULL,
                  retry_at = now() + least($4::float8 * power(2, least(attempts, 30)), $5::float8) * interval '1 millisecond'
            WHERE id = ANY($1::uuid[]) AND claimed_by = $2`,
          [ids, claim, (error as Error).message.slice(0, 500), noticeBackoffMs, noticeBackoffMaxMs],
        ),
      );
      return false;
    }
    const [, settled] = (await run((em) =>
      em.query(
        `UPDATE ${this.table} SET status = 'sent', sent_at = now(), claimed_by = NULL, lease_until = NULL${ON_SETTLE[this.table]}
          WHERE id = ANY($1::uuid[]) AND claimed_by = $2`,
        [ids, claim],
      ),
    )) as [unknown, number];
    if (settled < ids.length) {
      this.logger.warn({ table: this.table, ids, claim }, 'Send outlasted its lease: it may be repeated');
    }
    return true;
  }

  // Gives up pending rows that are too old (and not being sent right now): they become failed.
  async expire(em: EntityManager): Promise<number> {
    const [, expired] = await em.query<[unknown, number]>(
      `UPDATE ${this.table} SET status = 'failed', error = coalesce(error, 'expired')${ON_SETTLE[this.table]}
        WHERE status = 'pending' AND ${DUE[this.table]} <= now() - interval '${this.config.notifications.noticeMaxAgeHours} hours'
          AND (lease_until IS NULL OR lease_until < now())`,
    );
    return expired;
  }
}
