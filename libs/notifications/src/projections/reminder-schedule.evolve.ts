import { RecordedEvent } from '@rl/event-store';
import { isEventOf } from '@rl/kernel';
import { AssignmentEvent, PeriodEvent, SubmissionEvent } from '@rl/reporting';
import { TASK_EVENT_TYPES, TaskEvent } from '@rl/tasks';
import { NotificationEvent } from '../domain/notification.events';
import { ReminderPolicy } from '../domain/reminder-policy';
import { ReminderTargetState } from '../persistence/reminder-target.entity';

// A row of reminder_targets: an assignment as the deadline engine sees it.
export interface ReminderTarget {
  assignmentId: string;
  indicatorId: string;
  organisationId: string;
  periodId: string;
  state: ReminderTargetState;
  submissionId: string | null;
  assignedAt: Date | null;
}

// A row of reminder_deadlines: a period's deadline and when it was last set.
export interface ReminderDeadline {
  periodId: string;
  code: string;
  deadline: Date;
  timezone: string;
  setAt: Date | null;
}

export interface PolicyChange {
  policy: ReminderPolicy;
  version: number;
  changedAt: Date;
}

export interface ScheduleRows {
  targets: ReadonlyMap<string, ReminderTarget>;
  deadlines: ReadonlyMap<string, ReminderDeadline>;
}

// The rows after a batch, which of them it changed, and the city's policy if the batch changed it.
export interface ScheduleChange extends ScheduleRows {
  touchedTargets: ReadonlySet<string>;
  touchedPeriods: ReadonlySet<string>;
  policy: PolicyChange | null;
}

type ScheduleEvent = PeriodEvent | AssignmentEvent | SubmissionEvent | NotificationEvent | TaskEvent;

export const REMINDER_SCHEDULE_EVENTS: readonly ScheduleEvent['type'][] = [
  'PeriodDefined',
  'PeriodDeadlineMoved',
  'AssignmentCreated',
  'AssignmentWithdrawn',
  'SubmissionSubmitted',
  'SubmissionCorrected',
  'SubmissionValidated',
  'SubmissionReturned',
  'ReminderPolicyChanged',
  // Tasks are folded by TaskReminderSchedule.
  ...TASK_EVENT_TYPES,
];

const SUBMISSION_STATE: Record<SubmissionEvent['type'], ReminderTargetState> = {
  SubmissionSubmitted: 'submitted',
  SubmissionCorrected: 'submitted',
  SubmissionValidated: 'validated',
  SubmissionReturned: 'returned',
};

interface Work {
  indicatorId: string;
  periodId: string;
  organisationId: string;
}

const workKey = (w: Work) => `${w.indicatorId}/${w.periodId}/${w.organisationId}`;

// The rows a batch concerns, to load before folding it: assignments and periods by id, the assignments
// of submitted work by (indicator, period, organisation).
export function rowsConcerned(events: readonly RecordedEvent[]) {
  const assignmentIds = new Set<string>();
  const periodIds = new Set<string>();
  const work: Work[] = [];
  for (const event of events) {
    if (!isEventOf<ScheduleEvent>(REMINDER_SCHEDULE_EVENTS, event) || event.type === 'ReminderPolicyChanged')
      continue;
    if (!('periodId' in event.data)) continue;
    periodIds.add(event.data.periodId);
    if ('assignmentId' in event.data) assignmentIds.add(event.data.assignmentId);
    if ('submissionId' in event.data) work.push(event.data);
  }
  return { assignmentIds: [...assignmentIds], periodIds: [...periodIds], work };
}

// Folds a batch of events into the rows it concerns (loaded before): each assignment's state and its
// period's deadline, with the recorded times the late grace counts from. Submissions find their
// assignment by its work (indicator, period, organisation), of which one is live at a time.
export function evolveSchedule(rows: ScheduleRows, events: readonly RecordedEvent[]): ScheduleChange {
  const targets = new Map(rows.targets);
  const deadlines = new Map(rows.deadlines);
  const byWork = new Map(
    [...targets.values()].filter((t) => t.state !== 'withdrawn').map((t) => [workKey(t), t.assignmentId]),
  );
  const touchedTargets = new Set<string>();
  const touchedPeriods = new Set<string>();
  let policy: PolicyChange | null = null;

  for (const event of events) {
    if (!isEventOf<ScheduleEvent>(REMINDER_SCHEDULE_EVENTS, event)) continue;
    const { recordedAt } = event;
    switch (event.type) {
      case 'PeriodDefined': {
        const { periodId, code, deadline, timezone } = event.data;
        deadlines.set(periodId, {
          periodId,
          code,
          deadline: new Date(deadline),
          timezone,
          setAt: recordedAt,
        });
        touchedPeriods.add(periodId);
        break;
      }
      case 'PeriodDeadlineMoved': {
        const period = deadlines.get(event.data.periodId);
        if (!period) break;
        const moved = { deadline: new Date(event.data.to), timezone: event.data.timezone, setAt: recordedAt };
        deadlines.set(period.periodId, { ...period, ...moved });
        touchedPeriods.add(period.periodId);
        break;
      }
      case 'AssignmentCreated':
      case 'AssignmentWithdrawn': {
        const { assignmentId } = event.data;
        const known = targets.get(assignmentId) ?? { ...event.data, submissionId: null, assignedAt: null };
        const created = event.type === 'AssignmentCreated';
        targets.set(
          assignmentId,
          created ? { ...known, state: 'open', assignedAt: recordedAt } : { ...known, state: 'withdrawn' },
        );
        if (created) byWork.set(workKey(event.data), assignmentId);
        else byWork.delete(workKey(event.data));
        touchedTargets.add(assignmentId);
        break;
      }
      case 'SubmissionSubmitted':
      case 'SubmissionCorrected':
      case 'SubmissionValidated':
      case 'SubmissionReturned': {
        const assignmentId = byWork.get(workKey(event.data));
        const target = assignmentId === undefined ? undefined : targets.get(assignmentId);
        if (!target) break;
        const { submissionId } = event.data;
        targets.set(target.assignmentId, { ...target, state: SUBMISSION_STATE[event.type], submissionId });
        touchedTargets.add(target.assignmentId);
        break;
      }
      case 'ReminderPolicyChanged':
        policy = {
          policy: { offsets: event.data.offsets, quietHours: event.data.quietHours },
          version: event.version,
          changedAt: recordedAt,
        };
        break;
      case 'WebhookRegistered':
      case 'WebhookRemoved':
      case 'TaskCreated':
      case 'TaskEdited':
      case 'TaskReassigned':
      case 'TaskDueMoved':
      case 'TaskStatusChanged':
        break;
    }
  }
  return { targets, deadlines, touchedTargets, touchedPeriods, policy };
}
