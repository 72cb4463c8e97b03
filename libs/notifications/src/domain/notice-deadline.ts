// When a notice's deadline is, for its recipient: the date and time in their zone, and how far away it
// lies from now.

// Where the deadline lies relative to `now`; days are calendar days in the recipient's zone.
export type Relative =
  | { kind: 'in-days'; days: number }
  | { kind: 'in-hours'; hours: number }
  | { kind: 'within-hour' }
  | { kind: 'earlier-today' }
  | { kind: 'days-ago'; days: number };

export interface Due {
  // "Monday, 31 March 2025 at 17:00 (Europe/Brussels)"
  at: string;
  relative: Relative;
  past: boolean;
}

export function validTimeZone(timezone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return timezone;
  } catch {
    // A bad profile setting must not stop the notice; UTC is named in the text so it is not misread.
    return 'UTC';
  }
}

// null for an absent or unparseable deadline, which the wording then leaves out.
export function parseInstant(value: string | undefined): Date | null {
  const text = value?.trim();
  if (!text) return null;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

function formatDeadline(deadline: Date, timezone: string, intlLocale: string): string {
  const formatted = new Intl.DateTimeFormat(intlLocale, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: timezone,
  }).format(deadline);
  return `${formatted} (${timezone})`;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

// Days are counted as calendar days in the recipient's zone, so "in 3 days" matches their calendar
// even when the deadline is 2.5 × 24 hours away.
function relativeTo(deadline: Date, now: Date, timezone: string): Relative {
  const remaining = deadline.getTime() - now.getTime();
  const dayDifference = localDayNumber(deadline, timezone) - localDayNumber(now, timezone);
  if (remaining >= DAY_MS) return { kind: 'in-days', days: Math.max(1, dayDifference) };
  if (remaining >= HOUR_MS) return { kind: 'in-hours', hours: Math.floor(remaining / HOUR_MS) };
  if (remaining >= 0) return { kind: 'within-hour' };
  return dayDifference >= 0 ? { kind: 'earlier-today' } : { kind: 'days-ago', days: -dayDifference };
}

function localDayNumber(instant: Date, timezone: string): number {
  // en-CA formats as YYYY-MM-DD.
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(instant)
    .split('-')
    .map(Number);
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function dueOf(deadline: Date, now: Date, timezone: string, intlLocale: string): Due {
  return {
    at: formatDeadline(deadline, timezone, intlLocale),
    relative: relativeTo(deadline, now, timezone),
    past: deadline.getTime() < now.getTime(),
  };
}
