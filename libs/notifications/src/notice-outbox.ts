import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CityId } from '@rl/kernel';
import { EMAILED_KINDS, NoticeData, NoticeKind } from './domain/notice';
import { afterQuietHours, nextDigestTime, QuietHours } from './domain/reminder-policy';
import { Due, NotificationQueues } from './notification-queues';

export interface NoticeDraft {
  // Unique per occurrence (a reminder, a return, a comment): with the recipient and channel it is the
  // database key that makes a second send impossible.
  key: string;
  kind: NoticeKind;
  data: NoticeData;
  recipients: readonly string[];
  // Reminder notices are checked again against the assignment or task when they are sent.
  assignmentId?: string;
  taskId?: string;
  quietHours: QuietHours | null;
}

// What to wake once the transaction that recorded the notices has committed.
export interface Recorded {
  notices: Due[];
  webhooks: string[];
}

export const nothingRecorded = (): Recorded => ({ notices: [], webhooks: [] });

interface Recipient {
  id: string;
  email: boolean;
  inApp: boolean;
  digest: boolean;
  timezone: string;
}

// The outbox of every notification. Recording happens inside the caller's city transaction (a projection
// or the reminder job), so notices exist exactly when the change that caused them committed.
@Injectable()
export class NoticeOutbox {
  constructor(private readonly queues: NotificationQueues) {}

  async record(
    em: EntityManager,
    cityId: CityId,
    draft: NoticeDraft,
    now: Date,
    into: Recorded,
  ): Promise<void> {
    const recipients = await em.query<Recipient[]>(
      `SELECT u.id, coalesce(p.email, true) AS email, coalesce(p.in_app, true) AS "inApp",
              coalesce(p.digest, false) AS digest, coalesce(p.timezone, c.timezone) AS timezone
         FROM users u JOIN cities c ON c.id = $1
         LEFT JOIN notification_preferences p ON p.user_id = u.id
        WHERE u.id = ANY($2::uuid[])`,
      [cityId, [...new Set(draft.recipients)]],
    );
    const rows = recipients.flatMap((r) => [
      ...(r.inApp
        ? [{ recipient: r.id, channel: 'in_app', status: 'sent', digest: false, sendAfter: now }]
        : []),
      ...(r.email && EMAILED_KINDS.has(draft.kind)
        ? [
            {
              recipient: r.id,
              channel: 'email',
              status: 'pending',
              digest: r.digest,
              sendAfter: r.digest
                ? nextDigestTime(now, r.timezone)
                : afterQuietHours(now, r.timezone, draft.quietHours),
            },
          ]
        : []),
    ]);
    if (rows.length > 0) {
      const inserted = await em.query<{ id: string; send_after: Date; channel: string }[]>(
        `INSERT INTO notices (tenant_id, id, key, recipient_id, channel, kind, data, assignment_id, task_id, digest,
                              send_after, status, sent_at)
         SELECT $1, gen_random_uuid(), $2, r, ch::notice_channel, $3, $4, $5, $12, dg, sa, st::notice_status,
                CASE WHEN st = 'sent' THEN $6::timestamptz END
           FROM unnest($7::uuid[], $8::text[], $9::boolean[], $10::timestamptz[], $11::text[]) AS x(r, ch, dg, sa, st)
         ON CONFLICT (tenant_id, key, recipient_id, channel) DO NOTHING
         RETURNING id, send_after, channel`,
        [
          cityId,
          draft.key,
          draft.kind,
          draft.data,
          draft.assignmentId ?? null,
          now,
          rows.map((r) => r.recipient),
          rows.map((r) => r.channel),
          rows.map((r) => r.digest),
          rows.map((r) => r.sendAfter),
          rows.map((r) => r.status),
          draft.taskId ?? null,
        ],
      );
      into.notices.push(
        ...inserted
          .filter((n) => n.channel === 'email')
          .map((n) => ({ id: n.id, at: new Date(n.send_after) })),
      );
    }
    const deliveries = await em.query<{ id: string }[]>(
      `INSERT INTO webhook_deliveries (tenant_id, id, endpoint_id, key, event, payload, status)
       SELECT $1, gen_random_uuid(), e.id, $2::text, $3::text, jsonb_build_object('event', $3::text, 'key', $2::text,
              'occurredAt', $4::timestamptz, 'data', $5::jsonb), 'pending'
         FROM webhook_endpoints e
        WHERE e.active AND (cardinality(e.events) = 0 OR $3::text = ANY(e.events))
       ON CONFLICT (tenant_id, endpoint_id, key) DO NOTHING
       RETURNING id`,
      [cityId, draft.key, draft.kind, now, draft.data],
    );
    into.webhooks.push(...deliveries.map((d) => d.id));
  }

  async wake(cityId: CityId, recorded: Recorded): Promise<void> {
    await this.queues.wakeNotices(cityId, recorded.notices);
    await this.queues.wakeWebhooks(cityId, recorded.webhooks);
  }
}
