import { PeriodErrors } from './reporting.errors';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

const invalidDeadline = (message: string) =>
  PeriodErrors.INVALID_DEADLINE({
    message: `Invalid deadline: ${message}`,
    errors: [{ field: 'deadline', message }],
  });

// Offset of `timeZone` from UTC at `utcMs`, in milliseconds (Brussels in summer: +2 h).
function offsetAt(timeZone: string, utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

// The UTC instant at which the wall clock in `timeZone` shows the given local time. A time that does
// not exist (skipped by a DST change) is read with the offset from before the change, i.e. one hour later.
export function localToUtc(
  timeZone: string,
  local: { year: number; month: number; day: number; hour: number; minute: number; second: number },
): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  let utc = wall - offsetAt(timeZone, wall);
  const corrected = wall - offsetAt(timeZone, utc);
  if (corrected !== utc) utc = Math.max(utc, corrected);
  return new Date(utc);
}

// A deadline is an ISO instant with an offset (`2025-03-31T17:00:00+02:00`, `…Z`), or a local date
// (`2025-03-31`, meaning the end of that day, 23:59:59) or local date-time (`2025-03-31T17:00`) read
// in the city's time zone.
export const parseDeadline = (input: string, timeZone: string): Date =>
  parseCityInstant(input, timeZone, invalidDeadline);

// The same reading for any instant a city gives (a task's due), refused with the caller's error.
export function parseCityInstant(input: string, timeZone: string, invalid: (message: string) => Error): Date {
  const raw = typeof input === 'string' ? input.trim() : '';
  if (INSTANT.test(raw)) {
    const instant = new Date(raw);
    if (Number.isNaN(instant.getTime())) {
      throw invalid('is not a valid instant');
    }
    checkCalendar(raw.slice(0, 10), invalid);
    return instant;
  }
  const m = LOCAL.exec(raw);
  if (!m) {
    throw invalid(
      'must be an ISO instant with offset, a date YYYY-MM-DD or a local date-time YYYY-MM-DDTHH:mm',
    );
  }
  checkCalendar(raw.slice(0, 10), invalid);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const time =
    m[4] === undefined
      ? { hour: 23, minute: 59, second: 59 }
      : { hour: Number(m[4]), minute: Number(m[5]), second: 0 };
  if (time.hour > 23 || time.minute > 59) throw invalid('has an impossible time of day');
  return localToUtc(timeZone, { year, month, day, ...time });
}

function checkCalendar(date: string, invalid: (message: string) => Error): void {
  const [year, month, day] = date.split('-').map(Number);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw invalid(`${date} is not a calendar date`);
  }
}
