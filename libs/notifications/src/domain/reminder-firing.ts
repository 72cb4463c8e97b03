import { NoticeKind } from './notice';

export const REMINDER_TARGET_STATES = ['open', 'submitted', 'returned', 'validated', 'withdrawn'] as const;
export type ReminderTargetState = (typeof REMINDER_TARGET_STATES)[number];

// A little slack for clock differences between the worker and PostgreSQL.
export const EARLY_TOLERANCE_MS = 1_000;

// A pending reminder as it stands when its job runs, read under its row lock.
export interface ReminderFacts {
  // The deadline it was scheduled for, and the period's deadline now.
  deadline: Date;
  currentDeadline: Date;
  dueAt: Date;
  escalate: boolean;
  // The assignment's state now.
  state: ReminderTargetState;
  // A later reminder of the same deadline is already due (after downtime only the latest goes out).
  superseded: boolean;
  // How many active collectors the organisation has.
  collectors: number;
}

export type Firing =
  // Woken early (clock skew): its job comes back at its time.
  | { action: 'wait' }
  | { action: 'skip'; reason: 'rescheduled' | 'submitted' | 'validated' | 'withdrawn' | 'superseded' }
  // Notices of `kind` to the collectors, and with `escalate` one to the coordinators as well.
  | { action: 'send'; kind: NoticeKind; escalate: boolean };

// What firing a reminder does now. Pure: the facts and the instant come in.
export function decideFiring(facts: ReminderFacts, now: Date): Firing {
  if (facts.dueAt.getTime() > now.getTime() + EARLY_TOLERANCE_MS) return { action: 'wait' };
  if (facts.currentDeadline.getTime() !== facts.deadline.getTime()) {
    return { action: 'skip', reason: 'rescheduled' };
  }
  const { state } = facts;
  if (state === 'submitted' || state === 'validated' || state === 'withdrawn') {
    return { action: 'skip', reason: state };
  }
  if (facts.superseded) return { action: 'skip', reason: 'superseded' };
  const kind: NoticeKind =
    state === 'returned'
      ? 'reminder.please-correct'
      : facts.dueAt > facts.deadline
        ? 'reminder.overdue'
        : 'reminder.upcoming';
  // Nobody in the organisation can submit: the coordinators must hear about it instead.
  return { action: 'send', kind, escalate: facts.escalate || facts.collectors === 0 };
}

// A task's status as the deadline engine reads it (the tasks context's statuses).
export type TaskReminderStatus = 'open' | 'in_progress' | 'done' | 'cancelled';

// A pending task reminder as it stands when its job runs: the task's state from its stream, read under
// the reminder's row lock.
export interface TaskReminderFacts {
  // The due instant it was scheduled for, and the task's due now.
  deadline: Date;
  currentDue: Date;
  dueAt: Date;
  escalate: boolean;
  status: TaskReminderStatus;
  superseded: boolean;
  // How many people the reminder goes to (the assignee user, or the organisation's collectors).
  recipients: number;
}

export type TaskFiring =
  | { action: 'wait' }
  | { action: 'skip'; reason: 'rescheduled' | 'done' | 'cancelled' | 'superseded' }
  | { action: 'send'; kind: NoticeKind; escalate: boolean };

// What firing a task reminder does now, as decideFiring does for assignments. Pure.
export function decideTaskFiring(facts: TaskReminderFacts, now: Date): TaskFiring {
  if (facts.dueAt.getTime() > now.getTime() + EARLY_TOLERANCE_MS) return { action: 'wait' };
  if (facts.currentDue.getTime() !== facts.deadline.getTime())
    return { action: 'skip', reason: 'rescheduled' };
  if (facts.status === 'done' || facts.status === 'cancelled')
    return { action: 'skip', reason: facts.status };
  if (facts.superseded) return { action: 'skip', reason: 'superseded' };
  const kind: NoticeKind = facts.dueAt > facts.deadline ? 'task.overdue' : 'task.due';
  // Nobody is assigned who could act: the coordinators must hear about it instead.
  return { action: 'send', kind, escalate: facts.escalate || facts.recipients === 0 };
}
