import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { Reactor, ReactorDefinition } from '@rl/projections';
import { NotificationQueues } from '../notification-queues';
import { REMINDER_SCHEDULE_EVENTS, rowsConcerned } from '../projections/reminder-schedule.evolve';
import { REMINDER_SCHEDULE_PROJECTION } from '../projections/reminder-schedule.projection';
import { OPEN_TASK_STATUSES, taskIdsOf } from '../projections/task-reminder-schedule';

export const REMINDER_WAKEUPS_REACTOR = 'reminder-wakeups';

// The alarm clock of the reminder schedule: once the schedule has committed a batch, enqueues a job for
// each pending reminder of the assignments and tasks the batch concerned (delayed to its time) and drops the jobs
// of the cancelled ones. It reads the rows as they stand, so a later change is never undone by an older
// batch; job ids are the reminder ids, so enqueuing twice is harmless. Redis is only the alarm: if it
// is unreachable, the batch is retried and the reconciler (NotificationSweep) enqueues what falls due.
@Injectable()
@ReactorDefinition()
export class ReminderWakeupsReactor implements Reactor {
  readonly name = REMINDER_WAKEUPS_REACTOR;
  readonly follows = REMINDER_SCHEDULE_PROJECTION;
  readonly handles = REMINDER_SCHEDULE_EVENTS;
  // A rebuild re-creates the reminders under new ids: they need their jobs.
  readonly afterRebuild = 'replay';

  constructor(private readonly queues: NotificationQueues) {}

  async react(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    const { assignmentIds, periodIds, work } = rowsConcerned(events);
    const policyChanged = events.some((event) => event.type === 'ReminderPolicyChanged');
    const reminders = await em.query<{ id: string; at: Date; pending: boolean }[]>(
      `SELECT r.id, r.due_at AS at, r.status = 'pending' AS pending
         FROM reminders r
         JOIN reminder_targets t ON t.tenant_id = r.tenant_id AND t.assignment_id = r.assignment_id
        WHERE r.tenant_id = $1 AND r.status IN ('pending', 'cancelled')
          AND (t.assignment_id = ANY($2::uuid[]) OR t.period_id = ANY($3::uuid[])
               OR ($4 AND t.state IN ('open', 'returned'))
               OR (t.indicator_id, t.period_id, t.organisation_id) IN
                  (SELECT * FROM unnest($5::uuid[], $6::uuid[], $7::uuid[])))`,
      [
        cityId,
        assignmentIds,
        periodIds,
        policyChanged,
        work.map((w) => w.indicatorId),
        work.map((w) => w.periodId),
        work.map((w) => w.organisationId),
      ],
    );
    const ofTasks = await em.query<{ id: string; at: Date; pending: boolean }[]>(
      `SELECT r.id, r.due_at AS at, r.status = 'pending' AS pending
         FROM reminders r
         JOIN reminder_tasks t ON t.tenant_id = r.tenant_id AND t.task_id = r.task_id
        WHERE r.tenant_id = $1 AND r.status IN ('pending', 'cancelled')
          AND (t.task_id = ANY($2::uuid[]) OR ($3 AND t.status = ANY($4::text[])))`,
      [cityId, taskIdsOf(events), policyChanged, OPEN_TASK_STATUSES],
    );
    reminders.push(...ofTasks);
    await this.queues.wakeReminders(
      cityId,
      reminders.filter((r) => r.pending).map(({ id, at }) => ({ id, at: new Date(at) })),
    );
    await this.queues.dropReminders(reminders.filter((r) => !r.pending).map((r) => r.id));
  }
}
