import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@rl/config';
import { EventStore } from '@rl/event-store';
import { templateCells } from '@rl/forms';
import { CityId, foldEvents } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { seriesKey } from '@rl/reporting';
import { taskDecider, taskStream } from '@rl/tasks';
import { NoticeData } from '../domain/notice';
import { QuietHours } from '../domain/reminder-policy';
import { ReminderFacts, TaskReminderFacts } from '../domain/reminder-firing';
import { cityFacts, workFacts } from '../notice-context';
import { NoticeDraft, NoticeOutbox, nothingRecorded, Recorded } from '../notice-outbox';

// A pending reminder with what its notices are about.
export interface DueReminder extends Omit<ReminderFacts, 'collectors'> {
  assignmentId: string;
  indicatorId: string;
  periodId: string;
  organisationId: string;
}

// A pending task reminder with the task as its stream says it is now (every committed event counts, not
// a projection's view), and who the reminder goes to.
export interface DueTaskReminder extends Omit<TaskReminderFacts, 'recipients'> {
  taskId: string;
  title: string;
  organisationId: string | null;
  // The assignee user while an active member of the city, else the organisation's active collectors.
  recipients: string[];
  coordinators: string[];
}

// Firing one reminder, in one city transaction that holds the reminder's row lock throughout.
export interface ReminderFiringWrites {
  // Locks the reminder and says whether it is still pending; undefined when it is not visible (yet).
  lockPending(reminderId: string): Promise<boolean | undefined>;
  // Read after the lock, in a new statement: whatever the transaction it waited for committed is seen.
  due(reminderId: string): Promise<DueReminder>;
  // The reminder's task, or null when it is an assignment's.
  dueTask(reminderId: string): Promise<DueTaskReminder | null>;
  // The organisation's active collectors and the city's coordinators.
  people(organisationId: string): Promise<{ collectors: string[]; coordinators: string[] }>;
  // The names pinned into the notices, and the quiet hours from the policy's last event.
  noticeData(reminder: DueReminder): Promise<{ data: NoticeData; quietHours: QuietHours | null }>;
  taskNoticeData(task: DueTaskReminder): Promise<{ data: NoticeData; quietHours: QuietHours | null }>;
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
    private readonly events: EventStore,
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

  async dueTask(reminderId: string): Promise<DueTaskReminder | null> {
    const [row] = await this.em.query<
      { taskId: string | null; deadline: Date; dueAt: Date; escalate: boolean; superseded: boolean }[]
    >(
      `SELECT r.task_id AS "taskId", r.deadline, r.due_at AS "dueAt", r.escalate,
              EXISTS (SELECT 1 FROM reminders l WHERE l.tenant_id = r.tenant_id AND l.task_id = r.task_id
                         AND l.deadline = r.deadline AND l.status IN ('pending', 'sent') AND l.due_at > r.due_at
                         AND l.due_at <= now()) AS superseded
         FROM reminders r WHERE r.tenant_id = $1 AND r.id = $2`,
      [this.cityId, reminderId],
    );
    if (!row?.taskId) return null;
    const task = foldEvents(
      taskDecider,
      await this.events.readStream(this.cityId, taskStream(row.taskId), {}, this.em),
    );
    if (!task.exists) throw new Error(`Task ${row.taskId} of reminder ${reminderId} has no stream`);
    const { collectors, coordinators } = await this.people(task.assigneeOrganisationId);
    const assignee = task.assigneeUserId;
    const active = assignee !== null && (await this.isActiveMember(assignee));
    return {
      taskId: row.taskId,
      title: task.title,
      organisationId: task.assigneeOrganisationId,
      deadline: new Date(row.deadline),
      currentDue: new Date(task.due),
      dueAt: new Date(row.dueAt),
      escalate: row.escalate,
      superseded: row.superseded,
      status: task.status,
      recipients: active && assignee ? [assignee] : collectors,
      coordinators,
    };
  }

  private async isActiveMember(userId: string): Promise<boolean> {
    const rows = await this.em.query<unknown[]>(
      `SELECT 1 FROM memberships WHERE tenant_id = $1 AND user_id = $2 AND active`,
      [this.cityId, userId],
    );
    return rows.length > 0;
  }

  async people(organisationId: string | null): Promise<{ collectors: string[]; coordinators: string[] }> {
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
    const path = `assignments/${reminder.assignmentId}`;
    const data = await workFacts(this.em, this.config, city, { ...reminder, path });
    // The download is the API's own route: its base is PUBLIC_URL, not the front-end's APP_URL.
    const templateLink = `${this.config.publicUrl}/v1/cities/${city.slug}/${path}/template.xlsx`;
    const missingCells = await this.missingCells(reminder);
    return { data: { ...data, templateLink, missingCells }, quietHours: city.quietHours };
  }

  // The template's cells without a value in the organisation's latest submission for the slot (all of
  // them when it has none), as series keys.
  private async missingCells({ indicatorId, periodId, organisationId }: DueReminder): Promise<string[]> {
    const [row] = await this.em.query<
      { disaggregations: { dimension: string; values: string[] }[]; observations: { key: string }[] | null }[]
    >(
      `SELECT i.disaggregations,
              (SELECT s.observations FROM submissions s
                WHERE s.tenant_id = i.tenant_id AND s.indicator_id = i.id AND s.period_id = $3
                  AND s.organisation_id = $4
                ORDER BY s.id DESC LIMIT 1) AS observations
         FROM indicators i WHERE i.tenant_id = $1 AND i.id = $2`,
      [this.cityId, indicatorId, periodId, organisationId],
    );
    if (!row) return [];
    const given = new Set((row.observations ?? []).map((o) => o.key));
    return templateCells(row.disaggregations)
      .map(seriesKey)
      .filter((key) => !given.has(key));
  }

  async taskNoticeData(task: DueTaskReminder): Promise<{ data: NoticeData; quietHours: QuietHours | null }> {
    const city = await cityFacts(this.em, this.cityId);
    const [organisation] = await this.em.query<{ name: string }[]>(
      `SELECT name FROM organisations WHERE tenant_id = $1 AND id = $2`,
      [this.cityId, task.organisationId],
    );
    const data: NoticeData = {
      citySlug: city.slug,
      cityName: city.name,
      taskTitle: task.title,
      organisationName: organisation?.name,
      deadline: task.deadline.toISOString(),
      link: `${this.config.notifications.appUrl}/cities/${city.slug}/tasks/${task.taskId}`,
    };
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
    private readonly events: EventStore,
  ) {}

  async inCity(cityId: CityId, work: (writes: ReminderFiringWrites) => Promise<void>): Promise<void> {
    const recorded = nothingRecorded();
    await this.db.inCity(cityId, (em) =>
      work(new PgReminderFiringWrites(em, cityId, this.config, this.outbox, recorded, this.events)),
    );
    await this.outbox.wake(cityId, recorded);
  }
}
