import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventTransparency } from 'ical-generator';

export interface CalendarDeadline {
  // Stable across feed refreshes (e.g. the assignment id), so calendar apps update instead of duplicating.
  uid: string;
  title: string;
  description: string;
  deadline: Date;
  url: string;
  // IANA zone the deadline was set in (the city's).
  timezone: string;
  // A meeting takes a slot: it ends later and makes the subscriber busy; a deadline is a point in time.
  endsAt?: Date;
}

export interface CalendarFeedInput {
  name: string;
  deadlines: CalendarDeadline[];
  prodId?: string;
  // DTSTAMP of every event: the clock's now (fixed in tests, for a byte-stable feed).
  generatedAt: Date;
}

const DEFAULT_PROD_ID = '//Rights Ledger//Deadline feed//EN';
const ONE_HOUR_SECONDS = 60 * 60;
const ONE_DAY_SECONDS = 24 * ONE_HOUR_SECONDS;

// Instants are written in UTC: a TZID without a matching VTIMEZONE block is invalid and some apps
// (Outlook) misplace such events, while UTC is shown correctly in each subscriber's own zone.
export function buildCalendarFeed(input: CalendarFeedInput): string {
  const stamp = input.generatedAt;
  const calendar = ical({
    name: input.name,
    // ical-generator prepends the '-' of the FPI itself.
    prodId: (input.prodId ?? DEFAULT_PROD_ID).replace(/^-/, ''),
    method: ICalCalendarMethod.PUBLISH,
    // Emitted as both REFRESH-INTERVAL (RFC 7986) and X-PUBLISHED-TTL (Outlook, Apple).
    ttl: ONE_HOUR_SECONDS,
  });

  for (const item of input.deadlines) {
    calendar.createEvent({
      id: `${item.uid}@rights-ledger`,
      summary: item.title,
      description: withLocalTime(item.description, item.deadline, item.timezone),
      url: item.url,
      // A deadline is a point in time: DTEND = DTSTART is a valid zero-length event that Google, Apple
      // and Outlook all show at the deadline, without suggesting a slot after it.
      start: item.deadline,
      end: item.endsAt ?? item.deadline,
      stamp,
      // A deadline does not mark the subscriber as busy; a meeting does.
      transparency: item.endsAt ? ICalEventTransparency.OPAQUE : ICalEventTransparency.TRANSPARENT,
      alarms: [{ type: ICalAlarmType.display, trigger: ONE_DAY_SECONDS, description: item.title }],
    });
  }
  return calendar.toString();
}

// States the deadline as the city set it (e.g. "2025-03-31 17:00 (Europe/Brussels)"), since the app
// shows it converted to the subscriber's zone.
function withLocalTime(description: string, deadline: Date, timezone: string): string {
  const local = `${wallClock(deadline, timezone)} (${knownZone(timezone)})`;
  return description.trim().length > 0 ? `${description}\n\n${local}` : local;
}

function knownZone(timezone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return timezone;
  } catch {
    // One bad zone must not break the whole feed; the instant itself is still right.
    return 'UTC';
  }
}

function wallClock(instant: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: knownZone(timezone),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
