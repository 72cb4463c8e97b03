import { Injectable } from '@nestjs/common';
import { AppConfig } from '@rl/config';
import { asCityId, CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { Due } from '../notification-queues';
import { MailLease, nextLook } from './mail-lease';

// Work that should have been picked up by now; younger items are left to their own wake-up.
const GRACE = '2 seconds';

const PENDING: Record<'reminders' | 'notices' | 'webhooks', { sql: string; at: string }> = {
  reminders: {
    sql: `SELECT id, due_at AS at FROM reminders WHERE tenant_id = $1 AND status = 'pending'`,
    at: 'due_at',
  },
  notices: {
    sql: `SELECT id, ${nextLook('notices')} AS at FROM notices WHERE tenant_id = $1 AND status = 'pending' AND channel = 'email'`,
    at: nextLook('notices'),
  },
  webhooks: {
    sql: `SELECT id, created_at AS at FROM webhook_deliveries WHERE tenant_id = $1 AND status = 'pending'`,
    at: 'created_at',
  },
};

export interface CityBacklog {
  reminders: Due[];
  notices: Due[];
  webhooks: Due[];
  // E-mails given up as past their maximum age by this pass.
  expired: number;
}

// What PostgreSQL says is owed, for the reconciler. `all`: every pending item (after a Redis data loss);
// otherwise only those overdue by a short grace.
export abstract class NotificationBacklog {
  abstract cities(): Promise<CityId[]>;
  // Gives up the city's e-mail notices past their maximum age (failed), then reads what is pending.
  abstract inCity(cityId: CityId, all: boolean): Promise<CityBacklog>;
  // The same for account e-mails (platform rows, not a city's): their ids.
  abstract accountEmails(all: boolean): Promise<{ ids: string[]; expired: number }>;
}

@Injectable()
export class PgNotificationBacklog implements NotificationBacklog {
  private readonly notices: MailLease;
  private readonly accountMails: MailLease;

  constructor(
    private readonly db: TenantDb,
    config: AppConfig,
  ) {
    this.notices = new MailLease('notices', config);
    this.accountMails = new MailLease('account_emails', config);
  }

  async cities(): Promise<CityId[]> {
    const rows = await this.db.platform((em) => em.query<{ id: string }[]>(`SELECT id FROM cities`));
    return rows.map((r) => asCityId(r.id));
  }

  inCity(cityId: CityId, all: boolean): Promise<CityBacklog> {
    return this.db.inCity(cityId, async (em) => {
      const expired = await this.notices.expire(em);
      const read = ({ sql, at }: { sql: string; at: string }) =>
        em.query<Due[]>(all ? sql : `${sql} AND ${at} <= now() - interval '${GRACE}'`, [cityId]);
      return {
        reminders: await read(PENDING.reminders),
        notices: await read(PENDING.notices),
        webhooks: await read(PENDING.webhooks),
        expired,
      };
    });
  }

  accountEmails(all: boolean): Promise<{ ids: string[]; expired: number }> {
    return this.db.platform(async (em) => {
      const expired = await this.accountMails.expire(em);
      const rows = await em.query<{ id: string }[]>(
        `SELECT id FROM account_emails WHERE status = 'pending'${all ? '' : ` AND ${nextLook('account_emails')} <= now() - interval '${GRACE}'`}`,
      );
      return { ids: rows.map((r) => r.id), expired };
    });
  }
}
