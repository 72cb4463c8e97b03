import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@rl/config';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { NoticeData } from '../domain/notice';
import { QuietHours } from '../domain/reminder-policy';
import { ReminderFacts } from '../domain/reminder-firing';
import { cityFacts, workFacts } from '../notice-context';
import { NoticeDraft, NoticeOutbox, nothingRecorded, Recorded } from '../notice-outbox';

// A pending reminder with what its notices are about.
export interface DueReminder extends Omit<ReminderFacts, 'collectors'> {
  assignmentId: string;
  indicatorId: string;
  periodId: string;
  organisationId: string;
}

// Firing one reminder, in one city transaction that holds the reminder's row lock throughout.
export interface ReminderFiringWrites {
  // Locks the reminder and says whether it is still pending; undefined when it is not visible (yet).
  lockPending(reminderId: string): Promise<boolean | undefined>;
  // Read after the lock, in a new statement: whatever the transaction it waited for committed is seen.
  due(reminderId: string): Promise<DueReminder>;
  // The organisation's active collectors and the city's coordinators.
  people(organisationId: string): Promise<{ collectors: string[]; coordinators: string[] }>;
  // The names pinned into the notices, and the quiet hours from the policy's last event.
  noticeData(reminder: DueReminder): Promise<{ data: NoticeData; quietHours: QuietHours | null }>;
  record(draft: NoticeDraft, now: Date): Promise<void>;
  settle(reminderId: string, status: 'sent' | 'skipped', outcome: string): Promise<void>;
}

export abstract class ReminderFiring {
  // The notices recorded are woken once the transaction has committed.
  abstract inCity(cityId: CityId, work: (writes: ReminderFiringWrites) => Promise<void>): Promise<void>;
}

class PgReminderFiringWrites implements ReminderFiringWrites {
  constructor(
    private readonly em: EntityManager,
    private readonly cityId: CityId,
    private readonly config: AppConfig,
    private readonly outbox: NoticeOutbox,
    private readonly recorded: Recorded,
  ) {}

  async lockPending(reminderId: string): Promise<boolean | undefined> {
    const [locked] = await this.em.query<{ status: string }[]>(
      `SELECT status FROM reminders WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [this.cityId, reminderId],
    );
    return locked && locked.status === 'pending';
  }

  async due(reminderId: string): Promise<DueReminder> {
    const [row] = await this.em.query<DueReminder[]>(
      `SELECT r.assignment_id AS "assignmentId", r.deadline, r.due_at AS "dueAt", r.escalate,
              t.state, t.indicator_id AS "indicatorId", t.period_id AS "periodId", t.organisation_id AS "organisationId",
              d.deadline AS "currentDeadline",
              EXISTS (SELECT 1 FROM reminders l WHERE l.tenant_id = r.tenant_id AND l.assignment_id = r.assignment_id
                         AND l.deadline = r.deadline AND l.status IN ('pending', 'sent') AND l.due_at > r.due_at
                         AND l.due_at <= now()) AS superseded
         FROM reminders r
         JOIN reminder_targets t ON t.tenant_id = r.tenant_id AND t.assignment_id = r.assignment_id
         JOIN reminder_deadlines d ON d.tenant_id = t.tenant_id AND d.period_id = t.period_id
        WHERE r.tenant_id = $1 AND r.id = $2`,
      [this.cityId, reminderId],
    );
    const instant = (value: Date) => new Date(value);
    return {
      ...row,
      deadline: instant(row.deadline),
      currentDeadline: instant(row.currentDeadline),
      dueAt: instant(row.dueAt),
    };
  }

  async people(organisationId: string): Promise<{ collectors: string[]; coordinators: string[] }> {
    const people = await this.em.query<{ userId: string; role: string }[]>(
      `SELECT user_id AS "userId", role FROM memberships
        WHERE tenant_id = $1 AND active AND (
              (role = 'collector' AND organisation_id = $2) OR role = 'coordinator')`,
      [this.cityId, organisationId],
    );
    const withRole = (role: string) => people.filter((p) => p.role === role).map((p) => p.userId);
    return { collectors: withRole('collector'), coordinators: withRole('coordinator') };
  }

  async noticeData(reminder: DueReminder): Promise<{ data: NoticeData; quietHours: QuietHours | null }> {
    const city = await cityFacts(this.em, this.cityId);
    const data = await workFacts(this.em, this.config, city, {
      ...reminder,
      path: `assignments/${reminder.assignmentId}`,
    });
    return { data, quietHours: city.quietHours };
  }

  record(draft: NoticeDraft, now: Date): Promise<void> {
    return this.outbox.record(this.em, this.cityId, draft, now, this.recorded);
  }

  async settle(reminderId: string, status: 'sent' | 'skipped', outcome: string): Promise<void> {
    await this.em.query(
      `UPDATE reminders SET status = $3, outcome = $4, settled_at = now() WHERE tenant_id = $1 AND id = $2`,
      [this.cityId, reminderId, status, outcome],
    );
  }
}

@Injectable()
export class PgReminderFiring implements ReminderFiring {
  constructor(
    private readonly db: TenantDb,
    private readonly config: AppConfig,
    private readonly outbox: NoticeOutbox,
  ) {}

  async inCity(cityId: CityId, work: (writes: ReminderFiringWrites) => Promise<void>): Promise<void> {
    const recorded = nothingRecorded();
    await this.db.inCity(cityId, (em) =>
      work(new PgReminderFiringWrites(em, cityId, this.config, this.outbox, recorded)),
    );
    await this.outbox.wake(cityId, recorded);
  }
}
