import { Injectable } from '@nestjs/common';
import { asCityId } from '@rl/kernel';
import { HandlesJob, JobHandlerOf, JobPayloads } from '@rl/queue';
import { decideFiring, decideTaskFiring } from '../domain/reminder-firing';
import {
  DueTaskReminder,
  ReminderFiring,
  ReminderFiringWrites,
} from '../persistence/reminder-firing.repository';
import { ReminderScheduleHead } from './reminder-schedule-head';

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
    private readonly firing: ReminderFiring,
    private readonly scheduleHead: ReminderScheduleHead,
  ) {}

  async handle({ cityId: city, reminderId }: JobPayloads['reminders.fire']): Promise<void> {
    const cityId = asCityId(city);
    // Before the transaction: the reads below (each statement a new snapshot) then see the read model at
    // least at the head read here, after this job started.
    await this.scheduleHead.reach(cityId);
    await this.firing.inCity(cityId, async (writes) => {
      const pending = await writes.lockPending(reminderId);
      // The job can start before the transaction that scheduled the reminder commits: retry shortly.
      if (pending === undefined) throw new Error(`Reminder ${reminderId} is not visible yet`);
      if (!pending) return;
      const task = await writes.dueTask(reminderId);
      if (task) return this.fireTask(writes, reminderId, task);
      const reminder = await writes.due(reminderId);
      const { collectors, coordinators } = await writes.people(reminder.organisationId);
      const now = new Date();
      const firing = decideFiring({ ...reminder, collectors: collectors.length }, now);
      if (firing.action === 'wait') return;
      if (firing.action === 'skip') return writes.settle(reminderId, 'skipped', firing.reason);
      const { data, quietHours } = await writes.noticeData(reminder);
      const base = { data, assignmentId: reminder.assignmentId, quietHours };
      const key = `reminder:${reminderId}`;
      await writes.record({ ...base, key, kind: firing.kind, recipients: collectors }, now);
      if (firing.escalate) {
        const escalation = { key: `${key}:escalation`, recipients: coordinators };
        await writes.record({ ...base, ...escalation, kind: 'reminder.escalation' }, now);
      }
      await writes.settle(reminderId, 'sent', firing.kind);
    });
  }

  // A task's reminder: the same decisions, on the task's state from its stream; to the assignee user,
  // or the assignee organisation's collectors, escalating to the coordinators.
  private async fireTask(
    writes: ReminderFiringWrites,
    reminderId: string,
    task: DueTaskReminder,
  ): Promise<void> {
    const now = new Date();
    const firing = decideTaskFiring({ ...task, recipients: task.recipients.length }, now);
    if (firing.action === 'wait') return;
    if (firing.action === 'skip') return writes.settle(reminderId, 'skipped', firing.reason);
    const { data, quietHours } = await writes.taskNoticeData(task);
    const base = { data, quietHours, taskId: task.taskId };
    const key = `reminder:${reminderId}`;
    await writes.record({ ...base, key, kind: firing.kind, recipients: task.recipients }, now);
    if (firing.escalate) {
      const escalation = { key: `${key}:escalation`, recipients: task.coordinators };
      await writes.record({ ...base, ...escalation, kind: 'task.escalation' }, now);
    }
    await writes.settle(reminderId, 'sent', firing.kind);
  }
}
