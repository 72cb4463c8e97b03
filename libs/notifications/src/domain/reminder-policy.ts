import { DateTime, Duration } from 'luxon';
import { ReminderPolicyErrors } from './notifications.errors';

// One reminder of a city's policy: an ISO 8601 duration relative to the deadline ('-P3D' three days
// before, 'P1D' a day after), optionally at a fixed local time of that day ('P0D' at '09:00' = the
// morning of the deadline day). Overdue reminders (after the deadline) may escalate to coordinators.
export interface ReminderOffset {
  offset: string;
  at?: string;
  escalate?: boolean;
}

// Local times 'HH:MM'; a window may cross midnight (21:00–07:00). E-mails due inside it wait for its end
// in the recipient's time zone; in-app notices are not held.
export interface QuietHours {
  start: string;
  end: string;
}

export interface ReminderPolicy {
  offsets: ReminderOffset[];
  quietHours: QuietHours | null;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  offsets: [
    { offset: '-P14D' },
    { offset: '-P3D' },
    { offset: 'P0D', at: '09:00' },
    { offset: 'P1D', escalate: true },
    { offset: 'P7D', escalate: true },
  ],
  quietHours: { start: '21:00', end: '07:00' },
};

const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MAX_OFFSETS = 20;
const MAX_SPAN_DAYS = 366;

const invalid = (field: string, message: string) =>
  ReminderPolicyErrors.INVALID({
    message: `Invalid reminder policy: ${field} ${message}`,
    errors: [{ field, message }],
  });

// Signed duration in milliseconds for validation and ordering; calendar days count as 24 h here only.
function parseOffset(offset: string): { sign: 1 | -1; duration: Duration } | null {
  const sign = offset.startsWith('-') ? -1 : 1;
  const duration = Duration.fromISO(offset.replace(/^[-+]/, ''));
  if (!duration.isValid || Object.values(duration.toObject()).some((v) => v < 0)) return null;
  return { sign, duration };
}

// Canonical key of an offset: part of the unique key of a sent reminder, so it must not depend on how
// the coordinator spelled it beyond the offset itself.
export const offsetKey = (o: ReminderOffset): string => (o.at ? `${o.offset}@${o.at}` : o.offset);

export function validatePolicy(policy: ReminderPolicy): ReminderPolicy {
  if (policy.offsets.length === 0 || policy.offsets.length > MAX_OFFSETS)
    throw invalid('offsets', `must hold 1 to ${MAX_OFFSETS} reminders`);
  const keys = new Set<string>();
  policy.offsets.forEach((o, i) => {
    const parsed = parseOffset(o.offset);
    if (!parsed) throw invalid(`offsets[${i}].offset`, 'must be an ISO 8601 duration such as -P3D or PT30M');
    if (Math.abs(parsed.duration.as('days')) > MAX_SPAN_DAYS)
      throw invalid(`offsets[${i}].offset`, `must be within ${MAX_SPAN_DAYS} days of the deadline`);
    if (o.at !== undefined && !LOCAL_TIME.test(o.at)) throw invalid(`offsets[${i}].at`, 'must be HH:MM');
    if (o.escalate && parsed.sign < 0)
      throw invalid(`offsets[${i}].escalate`, 'only reminders after the deadline escalate');
    const key = offsetKey(o);
    if (keys.has(key)) throw invalid(`offsets[${i}]`, 'is listed twice');
    keys.add(key);
  });
  const quiet = policy.quietHours;
  if (quiet && !LOCAL_TIME.test(quiet.start)) throw invalid('quietHours.start', 'must be HH:MM');
  if (quiet && !LOCAL_TIME.test(quiet.end)) throw invalid('quietHours.end', 'must be HH:MM');
  return policy;
}

export interface DueReminder {
  offsetKey: string;
  dueAt: Date;
  escalate: boolean;
  // After the deadline: the reminder says "overdue" rather than "due in …".
  overdue: boolean;
}

// When each reminder of the policy falls for a deadline, computed in the deadline's (the city's) zone
// so that "3 days before 17:00" stays 17:00 across a daylight-saving change.
export function dueReminders(deadline: Date, timezone: string, policy: ReminderPolicy): DueReminder[] {
  const local = DateTime.fromJSDate(deadline, { zone: timezone });
  return policy.offsets.map((o) => {
    const { sign, duration } = parseOffset(o.offset) as { sign: 1 | -1; duration: Duration };
    let due = sign < 0 ? local.minus(duration) : local.plus(duration);
    if (o.at) {
      const [hour, minute] = o.at.split(':').map(Number);
      due = due.set({ hour, minute, second: 0, millisecond: 0 });
    }
    // A reminder meant for before the deadline never fires after it (deadline at 08:00, reminder at 09:00).
    const meantBefore = sign < 0 || duration.toMillis() === 0;
    const dueAt = meantBefore && due > local ? deadline : due.toJSDate();
    return { offsetKey: offsetKey(o), dueAt, escalate: o.escalate === true, overdue: dueAt > deadline };
  });
}

// A reminder that fell due more than a day before it was scheduled (an assignment made long after the
// deadline) is not owed any more: it would only be noise.
export const STALE_AFTER_MS = 86_400_000;

// The reminders of one deadline actually owed, `scheduledAt` being the recorded time of the event that
// scheduled them (null: not recorded, as before the grace). Stale ones are not. When it came after the
// deadline (an assignment made late, a deadline moved into the past), the organisation gets `graceMs` to
// submit before anyone calls it late: every reminder due before the grace ends folds into the latest of
// them, due when it ends (as after downtime, only the latest goes out). Pure, on times from the log, so a
// rebuild schedules what the live run did.
export function owedReminders(
  due: DueReminder[],
  deadline: Date,
  scheduledAt: Date | null,
  graceMs: number,
): DueReminder[] {
  if (scheduledAt === null) return due;
  const fresh = due.filter((r) => r.dueAt.getTime() >= scheduledAt.getTime() - STALE_AFTER_MS);
  const graceEnds = scheduledAt.getTime() + graceMs;
  const inGrace = fresh.filter((r) => r.dueAt.getTime() < graceEnds);
  if (scheduledAt <= deadline || inGrace.length === 0) return fresh;
  const latest = inGrace.reduce((a, b) => (b.dueAt > a.dueAt ? b : a));
  return [{ ...latest, dueAt: new Date(graceEnds) }, ...fresh.filter((r) => r.dueAt.getTime() >= graceEnds)];
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

// The first instant at or after `at` outside the quiet hours, read in `timezone`.
export function afterQuietHours(at: Date, timezone: string, quiet: QuietHours | null): Date {
  if (!quiet) return at;
  const local = DateTime.fromJSDate(at, { zone: timezone });
  const now = local.hour * 60 + local.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return at;
  const inside = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inside) return at;
  const [h, m] = quiet.end.split(':').map(Number);
  let release = local.set({ hour: h, minute: m, second: 0, millisecond: 0 });
  if (release <= local) release = release.plus({ days: 1 });
  return release.toJSDate();
}

// The next local digest time (08:00 in the recipient's zone) strictly after `at`.
export function nextDigestTime(at: Date, timezone: string, localTime = '08:00'): Date {
  const local = DateTime.fromJSDate(at, { zone: timezone });
  const [h, m] = localTime.split(':').map(Number);
  let next = local.set({ hour: h, minute: m, second: 0, millisecond: 0 });
  if (next <= local) next = next.plus({ days: 1 });
  return next.toJSDate();
}
