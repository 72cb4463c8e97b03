import { CalendarDeadline } from '../../../domain/calendar-feed';

// A task due or a meeting from the city's timeline (@rl/timeline's entry, without its framework).
export interface DatedWork {
  kind: 'task-due' | 'meeting';
  id: string;
  title: string;
  at: Date;
  endsAt: Date | null;
  status: string | null;
}

// Turns the reminder engine's view of a city's work into calendar events. Pure: no Nest, no SQL.

export interface AssignmentDue {
  assignmentId: string;
  state: 'open' | 'returned';
  indicatorCode: string | null;
  // Indicator names per language tag, as the catalog stores them.
  indicatorName: Record<string, string> | null;
  organisationName: string | null;
  periodCode: string;
  deadline: Date;
  timezone: string;
}

export interface PeriodDue {
  periodId: string;
  periodCode: string;
  deadline: Date;
  timezone: string;
  open: number;
  assigned: number;
}

export interface FeedContext {
  citySlug: string;
  appUrl: string;
  // Preferred languages for names, best first (the member's, then the city's).
  locales: readonly string[];
}

export function localName(names: Record<string, string> | null, locales: readonly string[]): string | null {
  if (!names) return null;
  for (const locale of locales) {
    const exact = names[locale] ?? names[locale.split('-')[0]];
    if (exact) return exact;
  }
  return Object.values(names)[0] ?? null;
}

const link = (context: FeedContext, path: string) =>
  `${context.appUrl.replace(/\/+$/, '')}/cities/${encodeURIComponent(context.citySlug)}/${path}`;

// A collector's own work: one event per open or returned assignment of their organisation. The UID is
// the assignment's, so a moved deadline moves the event instead of adding one.
export function assignmentEntries(rows: readonly AssignmentDue[], context: FeedContext): CalendarDeadline[] {
  return rows.map((row) => {
    const code = row.indicatorCode ?? 'Indicator';
    const name = localName(row.indicatorName, context.locales);
    const lines = [
      `Indicator: ${name ? `${code} – ${name}` : code}`,
      `Organisation: ${row.organisationName ?? 'unknown'}`,
      `Period: ${row.periodCode}`,
      ...(row.state === 'returned' ? ['Returned for correction: please submit a corrected version.'] : []),
    ];
    return {
      uid: `assignment-${row.assignmentId}`,
      title: `${code} · ${row.periodCode} due`,
      description: lines.join('\n'),
      deadline: row.deadline,
      url: link(context, `assignments/${row.assignmentId}`),
      timezone: row.timezone,
    };
  });
}

// Everyone else: the city's reporting deadlines, each with how much is still outstanding.
export function periodEntries(rows: readonly PeriodDue[], context: FeedContext): CalendarDeadline[] {
  return rows.map((row) => ({
    uid: `period-${row.periodId}`,
    title: `Reporting deadline ${row.periodCode}`,
    description: `${row.open} open ${row.open === 1 ? 'assignment' : 'assignments'} (of ${row.assigned} assigned)`,
    deadline: row.deadline,
    url: link(context, `periods/${row.periodId}`),
    timezone: row.timezone,
  }));
}

// Tasks and meetings: a task at its due instant, a meeting over its slot, each keyed by its id so that a
// moved due date or meeting moves the event.
export function datedWorkEntries(
  rows: readonly DatedWork[],
  timezone: string,
  context: FeedContext,
): CalendarDeadline[] {
  return rows.map((row) => {
    const task = row.kind === 'task-due';
    return {
      uid: `${task ? 'task' : 'meeting'}-${row.id}`,
      title: task ? `Task due: ${row.title}` : row.title,
      description: row.status ? `Status: ${row.status.replace(/_/g, ' ')}` : '',
      deadline: row.at,
      ...(row.endsAt && { endsAt: row.endsAt }),
      url: link(context, `${task ? 'tasks' : 'meetings'}/${row.id}`),
      timezone,
    };
  });
}
