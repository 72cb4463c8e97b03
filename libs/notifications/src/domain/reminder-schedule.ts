import { DueReminder, dueReminders, owedReminders, ReminderPolicy, STALE_AFTER_MS } from './reminder-policy';

// A subject still owed reminders (an assignment open or returned, a task not done or cancelled), with its
// deadline and when its reminders were (re)scheduled: the latest recorded time of the events that made
// it, set its deadline and changed the policy (null: not recorded).
export interface OpenSubject {
  subjectId: string;
  deadline: Date;
  timezone: string;
  scheduledAt: Date | null;
}

export interface WantedReminder extends DueReminder {
  subjectId: string;
  deadline: Date;
}

export interface PendingReminder {
  id: string;
  subjectId: string;
  deadline: Date;
  offsetKey: string;
}

const reminderKey = (r: { subjectId: string; deadline: Date; offsetKey: string }) =>
  `${r.subjectId}|${r.deadline.getTime()}|${r.offsetKey}`;

// The reminders the open subjects are owed as of `now`, under the city's policy and late grace. A
// replay of old history (a rebuild) schedules nothing that fell due more than a day before `now`: old news.
export function wantedReminders(
  open: readonly OpenSubject[],
  policy: ReminderPolicy,
  graceMs: number,
  now: Date,
): WantedReminder[] {
  // Assignments of one period (and tasks due together) share a deadline: compute its reminders once.
  const perDeadline = new Map<string, DueReminder[]>();
  const replayedBefore = now.getTime() - STALE_AFTER_MS;
  return open.flatMap(({ subjectId, deadline, timezone, scheduledAt }) => {
    const cacheKey = `${deadline.toISOString()}|${timezone}`;
    let due = perDeadline.get(cacheKey);
    if (!due) perDeadline.set(cacheKey, (due = dueReminders(deadline, timezone, policy)));
    return owedReminders(due, deadline, scheduledAt, graceMs)
      .filter((r) => r.dueAt.getTime() >= replayedBefore)
      .map((r) => ({ subjectId, deadline, ...r }));
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
