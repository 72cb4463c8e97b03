import { DueReminder, dueReminders, owedReminders, ReminderPolicy, STALE_AFTER_MS } from './reminder-policy';

// An assignment still owed reminders (open or returned), with its period's deadline and when its
// reminders were (re)scheduled: the latest recorded time of the events that made it, set its deadline
// and changed the policy (null: not recorded).
export interface OpenAssignment {
  assignmentId: string;
  deadline: Date;
  timezone: string;
  scheduledAt: Date | null;
}

export interface WantedReminder extends DueReminder {
  assignmentId: string;
  deadline: Date;
}

export interface PendingReminder {
  id: string;
  assignmentId: string;
  deadline: Date;
  offsetKey: string;
}

const reminderKey = (r: { assignmentId: string; deadline: Date; offsetKey: string }) =>
  `${r.assignmentId}|${r.deadline.getTime()}|${r.offsetKey}`;

// The reminders the open assignments are owed as of `now`, under the city's policy and late grace. A
// replay of old history (a rebuild) schedules nothing that fell due more than a day before `now`: old news.
export function wantedReminders(
  open: readonly OpenAssignment[],
  policy: ReminderPolicy,
  graceMs: number,
  now: Date,
): WantedReminder[] {
  // Assignments of one period share a deadline: compute its reminders once.
  const perDeadline = new Map<string, DueReminder[]>();
  const replayedBefore = now.getTime() - STALE_AFTER_MS;
  return open.flatMap(({ assignmentId, deadline, timezone, scheduledAt }) => {
    const cacheKey = `${deadline.toISOString()}|${timezone}`;
    let due = perDeadline.get(cacheKey);
    if (!due) perDeadline.set(cacheKey, (due = dueReminders(deadline, timezone, policy)));
    return owedReminders(due, deadline, scheduledAt, graceMs)
      .filter((r) => r.dueAt.getTime() >= replayedBefore)
      .map((r) => ({ assignmentId, deadline, ...r }));
  });
}

// The pending reminders no longer wanted (a moved deadline, a changed policy, a submission): to cancel.
export function unwantedReminders(
  pending: readonly PendingReminder[],
  wanted: readonly WantedReminder[],
): string[] {
  const keep = new Set(wanted.map(reminderKey));
  return pending.filter((r) => !keep.has(reminderKey(r))).map((r) => r.id);
}
