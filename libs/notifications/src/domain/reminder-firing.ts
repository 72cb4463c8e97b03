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
