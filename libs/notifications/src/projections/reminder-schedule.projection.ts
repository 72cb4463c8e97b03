import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@rl/config';
import { RecordedEvent } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { Projection, ProjectionDefinition, sideEffectsAllowed } from '@rl/projections';
import { AssignmentEvent, PeriodEvent, SubmissionEvent } from '@rl/reporting';
import { NotificationEvent } from '../domain/notification.events';
import {
  DEFAULT_REMINDER_POLICY,
  dueReminders,
  owedReminders,
  ReminderPolicy,
  STALE_AFTER_MS,
} from '../domain/reminder-policy';
import { Due, NotificationQueues } from '../notification-queues';
import { ReminderTargetState } from '../persistence/reminder-target.entity';

interface Target {
  assignmentId: string;
  indicatorId: string;
  organisationId: string;
  periodId: string;
  state: ReminderTargetState;
  submissionId: string | null;
  assignedAt: Date | null;
}

interface Deadline {
  periodId: string;
  code: string;
  deadline: Date;
  timezone: string;
  setAt: Date | null;
}

type Handled = PeriodEvent | AssignmentEvent | SubmissionEvent | NotificationEvent;

const SUBMISSION_STATE: Record<SubmissionEvent['type'], ReminderTargetState> = {
  SubmissionSubmitted: 'submitted',
  SubmissionCorrected: 'submitted',
  SubmissionValidated: 'validated',
  SubmissionReturned: 'returned',
};

const workKey = (indicatorId: string, periodId: string, organisationId: string) =>
  `${indicatorId}/${periodId}/${organisationId}`;

export const REMINDER_SCHEDULE_PROJECTION = 'reminder-schedule';

// The deadline engine's scheduler: keeps each assignment's state and its period's deadline, and from them
// the reminders owed (one row per assignment, deadline and offset). A moved deadline cancels the old rows
// and creates new ones; a submission cancels the pending ones; a return re-opens them. Reminders scheduled
// after their deadline get the late grace (owedReminders), counted from the recorded time of the latest
// event that made the assignment, set its deadline or changed the policy.
@Injectable()
@ProjectionDefinition()
export class ReminderScheduleProjection implements Projection {
  readonly name = REMINDER_SCHEDULE_PROJECTION;
  readonly handles = [
    'PeriodDefined',
    'PeriodDeadlineMoved',
    'AssignmentCreated',
    'AssignmentWithdrawn',
    'SubmissionSubmitted',
    'SubmissionCorrected',
    'SubmissionValidated',
    'SubmissionReturned',
    'ReminderPolicyChanged',
  ];
  readonly tables = ['reminder_targets', 'reminder_deadlines', 'reminder_policies', 'reminders'];
  readonly replay = {
    notReproducible: {
      reminders:
        'a work queue, not a view of the log: random ids, settled by the reminder job, and reminders due over a day before they are scheduled are dropped by the clock',
    },
    volatileColumns: { reminder_policies: ['updated_at'] },
  };
  private readonly logger = new Logger('ReminderSchedule');

  private readonly graceMs: number;

  constructor(
    private readonly queues: NotificationQueues,
    config: AppConfig,
  ) {
    this.graceMs = config.notifications.lateGraceSeconds * 1_000;
  }

  async apply(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    const handled = events.map((e) => ({ ...e, event: { type: e.type, data: e.data } as Handled }));
    const { targets, deadlines } = await this.load(
      em,
      cityId,
      handled.map((h) => h.event),
    );
    const byWork = new Map(
      [...targets.values()]
        .filter((t) => t.state !== 'withdrawn')
        .map((t) => [workKey(t.indicatorId, t.periodId, t.organisationId), t]),
    );
    const touchedTargets = new Set<string>();
    const touchedPeriods = new Set<string>();
    let policy: ReminderPolicy | null = null;
    let policyVersion = 0;
    let policyChangedAt = new Date(0);

    for (const { event, version, recordedAt } of handled) {
      switch (event.type) {
        case 'PeriodDefined':
          deadlines.set(event.data.periodId, {
            periodId: event.data.periodId,
            code: event.data.code,
            deadline: new Date(event.data.deadline),
            timezone: event.data.timezone,
            setAt: recordedAt,
          });
          touchedPeriods.add(event.data.periodId);
          break;
        case 'PeriodDeadlineMoved': {
          const period = deadlines.get(event.data.periodId);
          if (!period) break;
          deadlines.set(period.periodId, {
            ...period,
            deadline: new Date(event.data.to),
            timezone: event.data.timezone,
            setAt: recordedAt,
          });
          touchedPeriods.add(period.periodId);
          break;
        }
        case 'AssignmentCreated':
        case 'AssignmentWithdrawn': {
          const { assignmentId, indicatorId, organisationId, periodId } = event.data;
          const created = event.type === 'AssignmentCreated';
          const known = targets.get(assignmentId) ?? {
            assignmentId,
            indicatorId,
            organisationId,
            periodId,
            submissionId: null,
            assignedAt: null,
          };
          const target: Target = created
            ? { ...known, state: 'open', assignedAt: recordedAt }
            : { ...known, state: 'withdrawn' };
          targets.set(assignmentId, target);
          const key = workKey(indicatorId, periodId, organisationId);
          if (created) byWork.set(key, target);
          else byWork.delete(key);
          touchedTargets.add(assignmentId);
          break;
        }
        case 'SubmissionSubmitted':
        case 'SubmissionCorrected':
        case 'SubmissionValidated':
        case 'SubmissionReturned': {
          const target = byWork.get(
            workKey(event.data.indicatorId, event.data.periodId, event.data.organisationId),
          );
          if (!target) break;
          target.state = SUBMISSION_STATE[event.type];
          target.submissionId = event.data.submissionId;
          touchedTargets.add(target.assignmentId);
          break;
        }
        case 'ReminderPolicyChanged':
          policy = { offsets: event.data.offsets, quietHours: event.data.quietHours };
          policyVersion = version;
          policyChangedAt = recordedAt;
          break;
        case 'WebhookRegistered':
        case 'WebhookRemoved':
          break;
      }
    }

    await this.save(em, cityId, targets, touchedTargets, deadlines, touchedPeriods);
    if (policy) {
      await em.query(
        `INSERT INTO reminder_policies (tenant_id, offsets, quiet_hours, version, updated_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id) DO UPDATE SET offsets = EXCLUDED.offsets, quiet_hours = EXCLUDED.quiet_hours,
           version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
        [
          cityId,
          JSON.stringify(policy.offsets),
          policy.quietHours === null ? null : JSON.stringify(policy.quietHours),
          policyVersion,
          policyChangedAt,
        ],
      );
    }
    const affected = await em.query<{ id: string }[]>(
      `SELECT assignment_id AS id FROM reminder_targets
        WHERE tenant_id = $1 AND (assignment_id = ANY($2::uuid[]) OR period_id = ANY($3::uuid[])
              OR ($4 AND state IN ('open', 'returned')))`,
      [cityId, [...touchedTargets], [...touchedPeriods], policy !== null],
    );
    if (affected.length === 0) return;
    const { wake, cancelled } = await this.reschedule(
      em,
      cityId,
      affected.map((a) => a.id),
    );
    if (!sideEffectsAllowed()) return;
    // Redis is only the alarm clock: if it is unreachable now, the reconciler enqueues these when due.
    try {
      await this.queues.wakeReminders(cityId, wake);
      await this.queues.dropReminders(cancelled);
    } catch (error) {
      this.logger.warn({ err: error, cityId }, 'Could not enqueue reminders; the reconciler will');
    }
  }

  private async load(em: EntityManager, cityId: CityId, events: Handled[]) {
    const periodIds = new Set<string>();
    const assignmentIds = new Set<string>();
    const work: string[][] = [];
    for (const event of events) {
      if ('periodId' in event.data) periodIds.add(event.data.periodId);
      if ('assignmentId' in event.data) assignmentIds.add(event.data.assignmentId);
      if ('submissionId' in event.data)
        work.push([event.data.indicatorId, event.data.periodId, event.data.organisationId]);
    }
    const targetRows = await em.query<Target[]>(
      `SELECT assignment_id AS "assignmentId", indicator_id AS "indicatorId", organisation_id AS "organisationId",
              period_id AS "periodId", state, submission_id AS "submissionId", assigned_at AS "assignedAt"
         FROM reminder_targets t
        WHERE tenant_id = $1 AND (assignment_id = ANY($2::uuid[])
              OR (indicator_id, period_id, organisation_id) IN
                 (SELECT * FROM unnest($3::uuid[], $4::uuid[], $5::uuid[])))`,
      [cityId, [...assignmentIds], work.map((w) => w[0]), work.map((w) => w[1]), work.map((w) => w[2])],
    );
    const deadlineRows = await em.query<Deadline[]>(
      `SELECT period_id AS "periodId", code, deadline, timezone, set_at AS "setAt" FROM reminder_deadlines
        WHERE tenant_id = $1 AND period_id = ANY($2::uuid[])`,
      [cityId, [...periodIds]],
    );
    return {
      targets: new Map(targetRows.map((t) => [t.assignmentId, t])),
      deadlines: new Map(deadlineRows.map((d) => [d.periodId, d])),
    };
  }

  private async save(
    em: EntityManager,
    cityId: CityId,
    targets: Map<string, Target>,
    touchedTargets: Set<string>,
    deadlines: Map<string, Deadline>,
    touchedPeriods: Set<string>,
  ): Promise<void> {
    const t = [...touchedTargets].map((id) => targets.get(id) as Target);
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
    const d = [...touchedPeriods].map((id) => deadlines.get(id) as Deadline);
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

  // Brings the reminders of these assignments in line with their state, deadline and the city's policy.
  private async reschedule(em: EntityManager, cityId: CityId, assignmentIds: string[]) {
    const [stored] = await em.query<
      { offsets: ReminderPolicy['offsets']; quiet_hours: ReminderPolicy['quietHours']; updated_at: Date }[]
    >(`SELECT offsets, quiet_hours, updated_at FROM reminder_policies WHERE tenant_id = $1`, [cityId]);
    const policy: ReminderPolicy = stored
      ? { offsets: stored.offsets, quietHours: stored.quiet_hours }
      : DEFAULT_REMINDER_POLICY;
    // When the assignment's reminders were (re)scheduled: the latest of the events that made it, set its
    // deadline and changed the policy (GREATEST skips the ones not recorded).
    const open = await em.query<{ id: string; deadline: Date; timezone: string; scheduledAt: Date | null }[]>(
      `SELECT t.assignment_id AS id, d.deadline, d.timezone,
              GREATEST(t.assigned_at, d.set_at, $3::timestamptz) AS "scheduledAt"
         FROM reminder_targets t JOIN reminder_deadlines d ON d.tenant_id = t.tenant_id AND d.period_id = t.period_id
        WHERE t.tenant_id = $1 AND t.assignment_id = ANY($2::uuid[]) AND t.state IN ('open', 'returned')`,
      [cityId, assignmentIds, stored?.updated_at ?? null],
    );
    // Assignments of one period share a deadline: compute its reminders once.
    const perDeadline = new Map<string, ReturnType<typeof dueReminders>>();
    // A replay of old history (a rebuild) schedules nothing that fell due more than a day ago: old news.
    const replayedBefore = Date.now() - STALE_AFTER_MS;
    const wanted = open.flatMap(({ id, deadline, timezone, scheduledAt }) => {
      const cacheKey = `${new Date(deadline).toISOString()}|${timezone}`;
      let due = perDeadline.get(cacheKey);
      if (!due) perDeadline.set(cacheKey, (due = dueReminders(new Date(deadline), timezone, policy)));
      return owedReminders(due, new Date(deadline), scheduledAt && new Date(scheduledAt), this.graceMs)
        .filter((r) => r.dueAt.getTime() >= replayedBefore)
        .map((r) => ({ assignmentId: id, deadline: new Date(deadline), ...r }));
    });
    // Which pending rows are no longer wanted is decided here rather than by an anti-join in SQL: right
    // after a bulk insert (no statistics yet) the planner chose a nested loop that ran into the timeout.
    const wantedKeys = new Set(wanted.map((w) => `${w.assignmentId}|${w.deadline.getTime()}|${w.offsetKey}`));
    const pending = await em.query<{ id: string; assignmentId: string; deadline: Date; offsetKey: string }[]>(
      `SELECT id, assignment_id AS "assignmentId", deadline, offset_key AS "offsetKey" FROM reminders
        WHERE tenant_id = $1 AND assignment_id = ANY($2::uuid[]) AND status = 'pending'`,
      [cityId, assignmentIds],
    );
    const cancelled = pending
      .filter((r) => !wantedKeys.has(`${r.assignmentId}|${new Date(r.deadline).getTime()}|${r.offsetKey}`))
      .map((r) => r.id);
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
    const wake =
      wanted.length === 0
        ? []
        : await em.query<{ id: string; due_at: Date }[]>(
            `INSERT INTO reminders AS r (tenant_id, id, assignment_id, deadline, offset_key, due_at, escalate, status)
             SELECT $1, gen_random_uuid(), a, d, k, due, esc, 'pending'
               FROM unnest($2::uuid[], $3::timestamptz[], $4::text[], $5::timestamptz[], $6::boolean[]) AS w(a, d, k, due, esc)
             ON CONFLICT (tenant_id, assignment_id, deadline, offset_key) DO UPDATE
               SET status = 'pending', outcome = NULL, settled_at = NULL, due_at = EXCLUDED.due_at, escalate = EXCLUDED.escalate
               WHERE r.status = 'cancelled' OR (r.status = 'skipped' AND r.outcome = 'submitted') OR (r.status = 'pending' AND (r.due_at, r.escalate) IS DISTINCT FROM (EXCLUDED.due_at, EXCLUDED.escalate))
             RETURNING id, due_at`,
            [
              cityId,
              wanted.map((w) => w.assignmentId),
              wanted.map((w) => w.deadline),
              wanted.map((w) => w.offsetKey),
              wanted.map((w) => w.dueAt),
              wanted.map((w) => w.escalate),
            ],
          );
    return {
      wake: wake.map((w): Due => ({ id: w.id, at: new Date(w.due_at) })),
      cancelled,
    };
  }
}
