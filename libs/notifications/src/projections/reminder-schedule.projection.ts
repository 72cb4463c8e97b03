import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@rl/config';
import { RecordedEvent } from '@rl/event-store';
import { CityId, Clock, CLOCK } from '@rl/kernel';
import { Projection, ProjectionDefinition } from '@rl/projections';
import { DEFAULT_REMINDER_POLICY, ReminderPolicy } from '../domain/reminder-policy';
import {
  OpenSubject,
  PendingReminder,
  unwantedReminders,
  wantedReminders,
} from '../domain/reminder-schedule';
import {
  evolveSchedule,
  PolicyChange,
  REMINDER_SCHEDULE_EVENTS,
  ReminderDeadline,
  ReminderTarget,
  rowsConcerned,
  ScheduleChange,
} from './reminder-schedule.evolve';
import { TaskReminderSchedule } from './task-reminder-schedule';

export const REMINDER_SCHEDULE_PROJECTION = 'reminder-schedule';

// The deadline engine's scheduler: keeps each assignment's state and its period's deadline
// (evolveSchedule), and from them the reminders owed (one row per assignment, deadline and offset;
// wantedReminders). A moved deadline cancels the old rows and creates new ones; a submission cancels the
// pending ones; a return re-opens them. Tasks are scheduled the same way by TaskReminderSchedule. It talks to no queue: the reminder-wakeups reactor enqueues the
// jobs once this transaction has committed.
@Injectable()
@ProjectionDefinition()
export class ReminderScheduleProjection implements Projection {
  readonly name = REMINDER_SCHEDULE_PROJECTION;
  readonly handles = REMINDER_SCHEDULE_EVENTS;
  readonly tables = [
    'reminder_targets',
    'reminder_deadlines',
    'reminder_tasks',
    'reminder_policies',
    'reminders',
  ];
  readonly replay = {
    notReproducible: {
      reminders:
        'a work queue, not a view of the log: random ids, settled by the reminder job, and reminders due over a day before they are scheduled are dropped by the clock',
    },
    volatileColumns: { reminder_policies: ['updated_at'] },
  };

  private readonly graceMs: number;
  private readonly tasks: TaskReminderSchedule;

  constructor(
    config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.graceMs = config.notifications.lateGraceSeconds * 1_000;
    this.tasks = new TaskReminderSchedule(this.graceMs);
  }

  async apply(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    const change = evolveSchedule(await this.load(em, cityId, events), events);
    await this.save(em, cityId, change);
    if (change.policy) await this.savePolicy(em, cityId, change.policy);
    const affected = await em.query<{ id: string }[]>(
      `SELECT assignment_id AS id FROM reminder_targets
        WHERE tenant_id = $1 AND (assignment_id = ANY($2::uuid[]) OR period_id = ANY($3::uuid[])
              OR ($4 AND state IN ('open', 'returned')))`,
      [cityId, [...change.touchedTargets], [...change.touchedPeriods], change.policy !== null],
    );
    const policy = await this.storedPolicy(em, cityId);
    if (affected.length > 0)
      await this.reschedule(
        em,
        cityId,
        affected.map((a) => a.id),
        policy,
      );
    await this.tasks.apply(
      em,
      cityId,
      events,
      { ...policy, changed: change.policy !== null },
      this.clock.now(),
    );
  }

  // The city's policy as this projection keeps it, and when it was last changed (null: the default).
  private async storedPolicy(
    em: EntityManager,
    cityId: CityId,
  ): Promise<{ policy: ReminderPolicy; updatedAt: Date | null }> {
    const [stored] = await em.query<
      { offsets: ReminderPolicy['offsets']; quiet_hours: ReminderPolicy['quietHours']; updated_at: Date }[]
    >(`SELECT offsets, quiet_hours, updated_at FROM reminder_policies WHERE tenant_id = $1`, [cityId]);
    return stored
      ? { policy: { offsets: stored.offsets, quietHours: stored.quiet_hours }, updatedAt: stored.updated_at }
      : { policy: DEFAULT_REMINDER_POLICY, updatedAt: null };
  }

  private async load(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]) {
    const { assignmentIds, periodIds, work } = rowsConcerned(events);
    const targets = await em.query<ReminderTarget[]>(
      `SELECT assignment_id AS "assignmentId", indicator_id AS "indicatorId", organisation_id AS "organisationId",
              period_id AS "periodId", state, submission_id AS "submissionId", assigned_at AS "assignedAt"
         FROM reminder_targets t
        WHERE tenant_id = $1 AND (assignment_id = ANY($2::uuid[])
              OR (indicator_id, period_id, organisation_id) IN
                 (SELECT * FROM unnest($3::uuid[], $4::uuid[], $5::uuid[])))`,
      [
        cityId,
        assignmentIds,
        work.map((w) => w.indicatorId),
        work.map((w) => w.periodId),
        work.map((w) => w.organisationId),
      ],
    );
    const deadlines = await em.query<ReminderDeadline[]>(
      `SELECT period_id AS "periodId", code, deadline, timezone, set_at AS "setAt" FROM reminder_deadlines
        WHERE tenant_id = $1 AND period_id = ANY($2::uuid[])`,
      [cityId, periodIds],
    );
    return {
      targets: new Map(targets.map((t) => [t.assignmentId, t])),
      deadlines: new Map(deadlines.map((d) => [d.periodId, d])),
    };
  }

  private async save(em: EntityManager, cityId: CityId, change: ScheduleChange): Promise<void> {
    const t = [...change.touchedTargets].flatMap((id) => change.targets.get(id) ?? []);
    if (t.length > 0) {
      await em.query(
        `INSERT INTO reminder_targets (tenant_id, assignment_id, indicator_id, organisation_id, period_id, state, submission_id, assigned_at)
         SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::reminder_target_state[], $7::uuid[], $8::timestamptz[])
         ON CONFLICT (tenant_id, assignment_id) DO UPDATE
           SET state = EXCLUDED.state, submission_id = EXCLUDED.submission_id, assigned_at = EXCLUDED.assigned_at`,
        [
          cityId,
          t.map((x) => x.assignmentId),
          t.map((x) => x.indicatorId),
          t.map((x) => x.organisationId),
          t.map((x) => x.periodId),
          t.map((x) => x.state),
          t.map((x) => x.submissionId),
          t.map((x) => x.assignedAt),
        ],
      );
    }
    const d = [...change.touchedPeriods].flatMap((id) => change.deadlines.get(id) ?? []);
    if (d.length > 0) {
      await em.query(
        `INSERT INTO reminder_deadlines (tenant_id, period_id, code, deadline, timezone, set_at)
         SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::timestamptz[], $5::text[], $6::timestamptz[])
         ON CONFLICT (tenant_id, period_id) DO UPDATE
           SET deadline = EXCLUDED.deadline, timezone = EXCLUDED.timezone, set_at = EXCLUDED.set_at`,
        [
          cityId,
          d.map((x) => x.periodId),
          d.map((x) => x.code),
          d.map((x) => x.deadline),
          d.map((x) => x.timezone),
          d.map((x) => x.setAt),
        ],
      );
    }
  }

  private async savePolicy(em: EntityManager, cityId: CityId, { policy, version, changedAt }: PolicyChange) {
    await em.query(
      `INSERT INTO reminder_policies (tenant_id, offsets, quiet_hours, version, updated_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id) DO UPDATE SET offsets = EXCLUDED.offsets, quiet_hours = EXCLUDED.quiet_hours,
         version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
      [
        cityId,
        JSON.stringify(policy.offsets),
        policy.quietHours === null ? null : JSON.stringify(policy.quietHours),
        version,
        changedAt,
      ],
    );
  }

  // Brings the reminders of these assignments in line with their state, deadline and the city's policy.
  private async reschedule(
    em: EntityManager,
    cityId: CityId,
    assignmentIds: string[],
    { policy, updatedAt }: { policy: ReminderPolicy; updatedAt: Date | null },
  ): Promise<void> {
    // GREATEST skips the times not recorded.
    const open = await em.query<OpenSubject[]>(
      `SELECT t.assignment_id AS "subjectId", d.deadline, d.timezone,
              GREATEST(t.assigned_at, d.set_at, $3::timestamptz) AS "scheduledAt"
         FROM reminder_targets t JOIN reminder_deadlines d ON d.tenant_id = t.tenant_id AND d.period_id = t.period_id
        WHERE t.tenant_id = $1 AND t.assignment_id = ANY($2::uuid[]) AND t.state IN ('open', 'returned')`,
      [cityId, assignmentIds, updatedAt],
    );
    const wanted = wantedReminders(open, policy, this.graceMs, this.clock.now());
    // Which pending rows are no longer wanted is decided here rather than by an anti-join in SQL: right
    // after a bulk insert (no statistics yet) the planner chose a nested loop that ran into the timeout.
    const pending = await em.query<PendingReminder[]>(
      `SELECT id, assignment_id AS "subjectId", deadline, offset_key AS "offsetKey" FROM reminders
        WHERE tenant_id = $1 AND assignment_id = ANY($2::uuid[]) AND status = 'pending'`,
      [cityId, assignmentIds],
    );
    const cancelled = unwantedReminders(pending, wanted);
    if (cancelled.length > 0) {
      await em.query(
        `UPDATE reminders r
            SET status = 'cancelled', settled_at = now(),
                outcome = CASE WHEN t.state IN ('open', 'returned') THEN 'rescheduled' ELSE t.state::text END
           FROM reminder_targets t
          WHERE r.tenant_id = $1 AND r.id = ANY($2::uuid[])
            AND t.tenant_id = r.tenant_id AND t.assignment_id = r.assignment_id`,
        [cityId, cancelled],
      );
    }
    if (wanted.length === 0) return;
    await em.query(
      `INSERT INTO reminders AS r (tenant_id, id, assignment_id, deadline, offset_key, due_at, escalate, status)
       SELECT $1, gen_random_uuid(), a, d, k, due, esc, 'pending'
         FROM unnest($2::uuid[], $3::timestamptz[], $4::text[], $5::timestamptz[], $6::boolean[]) AS w(a, d, k, due, esc)
       ON CONFLICT (tenant_id, assignment_id, deadline, offset_key) DO UPDATE
         SET status = 'pending', outcome = NULL, settled_at = NULL, due_at = EXCLUDED.due_at, escalate = EXCLUDED.escalate
         WHERE r.status = 'cancelled' OR (r.status = 'skipped' AND r.outcome = 'submitted') OR (r.status = 'pending' AND (r.due_at, r.escalate) IS DISTINCT FROM (EXCLUDED.due_at, EXCLUDED.escalate))`,
      [
        cityId,
        wanted.map((w) => w.subjectId),
        wanted.map((w) => w.deadline),
        wanted.map((w) => w.offsetKey),
        wanted.map((w) => w.dueAt),
        wanted.map((w) => w.escalate),
      ],
    );
  }
}
