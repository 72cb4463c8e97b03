import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@rl/event-store';
import { CityId, isEventOf } from '@rl/kernel';
import { TASK_EVENT_TYPES, TaskEvent, TaskStatus } from '@rl/tasks';
import { ReminderPolicy } from '../domain/reminder-policy';
import {
  OpenSubject,
  PendingReminder,
  unwantedReminders,
  wantedReminders,
} from '../domain/reminder-schedule';

// A row of reminder_tasks: a task as the deadline engine sees it.
export interface ReminderTask {
  taskId: string;
  organisationId: string | null;
  userId: string | null;
  status: TaskStatus;
  due: Date;
  timezone: string;
  setAt: Date | null;
}

// Statuses still owed reminders.
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['open', 'in_progress'];

export const taskIdsOf = (events: readonly RecordedEvent[]): string[] => [
  ...new Set(events.flatMap((e) => (isEventOf<TaskEvent>(TASK_EVENT_TYPES, e) ? [e.data.taskId] : []))),
];

// Folds a batch into the tasks it concerns (loaded before): assignee, status, due and when the due was
// last set (the late grace and staleness count from it). Returns the ids it changed.
export function evolveReminderTasks(
  rows: Map<string, ReminderTask>,
  events: readonly RecordedEvent[],
): Set<string> {
  const touched = new Set<string>();
  for (const event of events) {
    if (!isEventOf<TaskEvent>(TASK_EVENT_TYPES, event)) continue;
    const { taskId } = event.data;
    const row = rows.get(taskId);
    switch (event.type) {
      case 'TaskCreated': {
        const { assigneeOrganisationId, assigneeUserId, due, timezone } = event.data;
        const base = { taskId, organisationId: assigneeOrganisationId, userId: assigneeUserId, timezone };
        rows.set(taskId, { ...base, status: 'open', due: new Date(due), setAt: event.recordedAt });
        break;
      }
      case 'TaskReassigned':
        if (row) {
          const { assigneeOrganisationId: organisationId, assigneeUserId: userId } = event.data;
          rows.set(taskId, { ...row, organisationId, userId });
        }
        break;
      case 'TaskDueMoved':
        if (row) {
          const { due, timezone } = event.data;
          rows.set(taskId, { ...row, due: new Date(due), timezone, setAt: event.recordedAt });
        }
        break;
      case 'TaskStatusChanged':
        if (row) rows.set(taskId, { ...row, status: event.data.to });
        break;
      case 'TaskEdited':
        continue;
    }
    if (rows.has(taskId)) touched.add(taskId);
  }
  return touched;
}

// The task half of the reminder schedule, in the schedule projection's transaction: one reminder row
// per (task, due, offset) while the task is open or in progress. A task done or cancelled cancels its
// pending reminders; a moved due cancels the old rows and creates new ones; reopening schedules again.
export class TaskReminderSchedule {
  constructor(private readonly graceMs: number) {}

  async apply(
    em: EntityManager,
    cityId: CityId,
    events: readonly RecordedEvent[],
    policy: { policy: ReminderPolicy; changed: boolean; updatedAt: Date | null },
    now: Date,
  ): Promise<void> {
    const ids = taskIdsOf(events);
    if (ids.length === 0 && !policy.changed) return;
    const loaded = await em.query<ReminderTask[]>(
      `SELECT task_id AS "taskId", organisation_id AS "organisationId", user_id AS "userId", status, due, timezone,
              set_at AS "setAt" FROM reminder_tasks WHERE tenant_id = $1 AND task_id = ANY($2::uuid[])`,
      [cityId, ids],
    );
    const rows = new Map(loaded.map((r) => [r.taskId, r]));
    const touched = [...evolveReminderTasks(rows, events)].map((id) => rows.get(id) as ReminderTask);
    if (touched.length > 0) await this.save(em, cityId, touched);
    const open = await em.query<OpenSubject[]>(
      `SELECT task_id AS "subjectId", due AS deadline, timezone, GREATEST(set_at, $3::timestamptz) AS "scheduledAt"
         FROM reminder_tasks
        WHERE tenant_id = $1 AND (task_id = ANY($2::uuid[]) OR $4) AND status = ANY($5::text[])`,
      [cityId, ids, policy.updatedAt, policy.changed, OPEN_TASK_STATUSES],
    );
    const affected = [...new Set([...ids, ...open.map((o) => o.subjectId)])];
    const wanted = wantedReminders(open, policy.policy, this.graceMs, now);
    const pending = await em.query<PendingReminder[]>(
      `SELECT id, task_id AS "subjectId", deadline, offset_key AS "offsetKey" FROM reminders
        WHERE tenant_id = $1 AND task_id = ANY($2::uuid[]) AND status = 'pending'`,
      [cityId, affected],
    );
    const cancelled = unwantedReminders(pending, wanted);
    if (cancelled.length > 0)
      await em.query(
        `UPDATE reminders r
            SET status = 'cancelled', settled_at = now(),
                outcome = CASE WHEN t.status = ANY($3::text[]) THEN 'rescheduled' ELSE t.status END
           FROM reminder_tasks t
          WHERE r.tenant_id = $1 AND r.id = ANY($2::uuid[]) AND t.tenant_id = r.tenant_id AND t.task_id = r.task_id`,
        [cityId, cancelled, OPEN_TASK_STATUSES],
      );
    if (wanted.length === 0) return;
    await em.query(
      `INSERT INTO reminders AS r (tenant_id, id, task_id, deadline, offset_key, due_at, escalate, status)
       SELECT $1, gen_random_uuid(), t, d, k, due, esc, 'pending'
         FROM unnest($2::uuid[], $3::timestamptz[], $4::text[], $5::timestamptz[], $6::boolean[]) AS w(t, d, k, due, esc)
       ON CONFLICT (tenant_id, task_id, deadline, offset_key) DO UPDATE
         SET status = 'pending', outcome = NULL, settled_at = NULL, due_at = EXCLUDED.due_at, escalate = EXCLUDED.escalate
         WHERE r.status = 'cancelled' OR (r.status = 'skipped' AND r.outcome IN ('done', 'cancelled'))
            OR (r.status = 'pending' AND (r.due_at, r.escalate) IS DISTINCT FROM (EXCLUDED.due_at, EXCLUDED.escalate))`,
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

  private async save(em: EntityManager, cityId: CityId, rows: ReminderTask[]): Promise<void> {
    await em.query(
      `INSERT INTO reminder_tasks (tenant_id, task_id, organisation_id, user_id, status, due, timezone, set_at)
       SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::timestamptz[], $7::text[], $8::timestamptz[])
       ON CONFLICT (tenant_id, task_id) DO UPDATE
         SET organisation_id = EXCLUDED.organisation_id, user_id = EXCLUDED.user_id, status = EXCLUDED.status,
             due = EXCLUDED.due, timezone = EXCLUDED.timezone, set_at = EXCLUDED.set_at`,
      [
        cityId,
        rows.map((r) => r.taskId),
        rows.map((r) => r.organisationId),
        rows.map((r) => r.userId),
        rows.map((r) => r.status),
        rows.map((r) => r.due),
        rows.map((r) => r.timezone),
        rows.map((r) => r.setAt),
      ],
    );
  }
}
