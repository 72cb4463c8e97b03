import { Injectable } from '@nestjs/common';
import { AppConfig } from '@rl/config';
import { asCityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { ProjectionRunner } from '@rl/projections';
import { HandlesJob, JobHandlerOf, JobPayloads } from '@rl/queue';
import { NoticeKind } from '../domain/notice';
import { cityFacts, workFacts } from '../notice-context';
import { NoticeOutbox, nothingRecorded } from '../notice-outbox';
import { ReminderTargetState } from '../persistence/reminder-target.entity';
import { ReminderScheduleProjection } from '../projections/reminder-schedule.projection';

interface DueRow {
  id: string;
  assignmentId: string;
  deadline: Date;
  dueAt: Date;
  escalate: boolean;
  state: ReminderTargetState;
  indicatorId: string;
  periodId: string;
  organisationId: string;
  currentDeadline: Date;
  superseded: boolean;
}

// A little slack for clock differences between the worker and PostgreSQL.
const EARLY_TOLERANCE_MS = 1_000;

// Fires one reminder: checks the current state first (submitted? withdrawn? a later reminder already due?),
// then records one notice per recipient and channel under the reminder's key, all in one transaction
// with the row lock on the reminder, so two workers or a retried job cannot both fire it. The state is the
// reminder-schedule read model brought up to the city's head first: a submission committed before the job
// started is in it, however far behind the projection's own worker is. Recipients come from memberships,
// which their commands write in the append's transaction: always current.
@Injectable()
@HandlesJob('reminders.fire')
export class FireReminderHandler implements JobHandlerOf<'reminders.fire'> {
  constructor(
    private readonly db: TenantDb,
    private readonly outbox: NoticeOutbox,
    private readonly config: AppConfig,
    private readonly runner: ProjectionRunner,
    private readonly schedule: ReminderScheduleProjection,
  ) {}

  async handle({ cityId: city, reminderId }: JobPayloads['reminders.fire']): Promise<void> {
    const cityId = asCityId(city);
    const recorded = nothingRecorded();
    // Before the transaction: the catch-up commits on its own, and the reads below (each statement a new
    // snapshot) then see the read model at least at the head read here, after this job started.
    await this.runner.catchUpToHead(cityId, this.schedule);
    await this.db.inCity(cityId, async (em) => {
      const [locked] = await em.query<{ status: string }[]>(
        `SELECT status FROM reminders WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
        [cityId, reminderId],
      );
      // The job can start before the transaction that scheduled the reminder commits: retry shortly.
      if (!locked) throw new Error(`Reminder ${reminderId} is not visible yet`);
      if (locked.status !== 'pending') return;
      // Read after taking the lock, in a new statement: its snapshot includes whatever the transaction we
      // waited for committed (a return that re-opened this reminder, say).
      const [row] = await em.query<DueRow[]>(
        `SELECT r.id, r.assignment_id AS "assignmentId", r.deadline, r.due_at AS "dueAt", r.escalate,
                t.state, t.indicator_id AS "indicatorId", t.period_id AS "periodId", t.organisation_id AS "organisationId",
                d.deadline AS "currentDeadline",
                EXISTS (SELECT 1 FROM reminders l WHERE l.tenant_id = r.tenant_id AND l.assignment_id = r.assignment_id
                           AND l.deadline = r.deadline AND l.status IN ('pending', 'sent') AND l.due_at > r.due_at
                           AND l.due_at <= now()) AS superseded
           FROM reminders r
           JOIN reminder_targets t ON t.tenant_id = r.tenant_id AND t.assignment_id = r.assignment_id
           JOIN reminder_deadlines d ON d.tenant_id = t.tenant_id AND d.period_id = t.period_id
          WHERE r.tenant_id = $1 AND r.id = $2`,
        [cityId, reminderId],
      );
      const now = new Date();
      if (new Date(row.dueAt).getTime() > now.getTime() + EARLY_TOLERANCE_MS) return;
      const skip =
        new Date(row.currentDeadline).getTime() !== new Date(row.deadline).getTime()
          ? 'rescheduled'
          : row.state === 'submitted' || row.state === 'validated' || row.state === 'withdrawn'
            ? row.state
            : row.superseded
              ? 'superseded'
              : null;
      if (skip) {
        await this.settle(em, cityId, reminderId, 'skipped', skip);
        return;
      }
      const city = await cityFacts(em, cityId);
      const data = await workFacts(em, this.config, city, {
        ...row,
        path: `assignments/${row.assignmentId}`,
      });
      const overdue = new Date(row.dueAt) > new Date(row.deadline);
      const kind: NoticeKind =
        row.state === 'returned'
          ? 'reminder.please-correct'
          : overdue
            ? 'reminder.overdue'
            : 'reminder.upcoming';
      const people = await em.query<{ userId: string; role: string }[]>(
        `SELECT user_id AS "userId", role FROM memberships
          WHERE tenant_id = $1 AND active AND (
                (role = 'collector' AND organisation_id = $2) OR role = 'coordinator')`,
        [cityId, row.organisationId],
      );
      const collectors = people.filter((p) => p.role === 'collector').map((p) => p.userId);
      const coordinators = people.filter((p) => p.role === 'coordinator').map((p) => p.userId);
      const base = { data, assignmentId: row.assignmentId, quietHours: city.quietHours };
      // Nobody in the organisation can submit: the coordinators must hear about it instead.
      const escalate = row.escalate || collectors.length === 0;
      await this.outbox.record(
        em,
        cityId,
        { ...base, key: `reminder:${reminderId}`, kind, recipients: collectors },
        now,
        recorded,
      );
      if (escalate) {
        await this.outbox.record(
          em,
          cityId,
          {
            ...base,
            key: `reminder:${reminderId}:escalation`,
            kind: 'reminder.escalation',
            recipients: coordinators,
          },
          now,
          recorded,
        );
      }
      await this.settle(em, cityId, reminderId, 'sent', kind);
    });
    await this.outbox.wake(cityId, recorded);
  }

  private async settle(
    em: Parameters<Parameters<TenantDb['inCity']>[1]>[0],
    cityId: string,
    reminderId: string,
    status: 'sent' | 'skipped',
    outcome: string,
  ): Promise<void> {
    await em.query(
      `UPDATE reminders SET status = $3, outcome = $4, settled_at = now() WHERE tenant_id = $1 AND id = $2`,
      [cityId, reminderId, status, outcome],
    );
  }
}
