import * as ical from 'node-ical';
import { buildCalendarFeed, CalendarDeadline } from './calendar-feed';

const deadline = (overrides: Partial<CalendarDeadline> = {}): CalendarDeadline => ({
  uid: 'asg-1',
  title: 'EDU-01 Access to education – 2025',
  description: 'Submit the 2025 value for EDU-01.',
  deadline: new Date('2025-03-31T15:00:00Z'),
  url: 'https://ghent.rights-ledger.test/assignments/asg-1',
  timezone: 'Europe/Brussels',
  ...overrides,
});

const GENERATED_AT = new Date('2025-03-01T08:00:00Z');

function events(text: string): ical.VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter(
    (component): component is ical.VEvent => component?.type === 'VEVENT',
  );
}

describe('buildCalendarFeed', () => {
  it('writes one event per deadline with a stable uid, summary, url and the deadline instant', () => {
    const text = buildCalendarFeed({
      name: 'Ghent – deadlines',
      generatedAt: GENERATED_AT,
      deadlines: [
        deadline(),
        deadline({ uid: 'asg-2', title: 'HLT-03, 2025; Q1', deadline: new Date('2025-04-15T21:59:00Z') }),
      ],
    });

    const parsed = events(text);
    expect(parsed).toHaveLength(2);
    const [first, second] = [...parsed].sort((a, b) => a.uid.localeCompare(b.uid));
    expect(first.uid).toBe('asg-1@rights-ledger');
    expect(first.summary).toBe('EDU-01 Access to education – 2025');
    expect(first.start.toISOString()).toBe('2025-03-31T15:00:00.000Z');
    expect(first.end?.toISOString()).toBe('2025-03-31T15:00:00.000Z');
    expect(first.dtstamp.toISOString()).toBe(GENERATED_AT.toISOString());
    expect(first.url).toMatchObject({ val: 'https://ghent.rights-ledger.test/assignments/asg-1' });
    // Commas and semicolons are escaped in the file and come back intact.
    expect(second.uid).toBe('asg-2@rights-ledger');
    expect(second.summary).toBe('HLT-03, 2025; Q1');
    expect(second.start.toISOString()).toBe('2025-04-15T21:59:00.000Z');
  });

  it('keeps the description and adds the deadline in the city zone', () => {
    const [event] = events(
      buildCalendarFeed({ name: 'Ghent', generatedAt: GENERATED_AT, deadlines: [deadline()] }),
    );
    expect(event.description).toBe('Submit the 2025 value for EDU-01.\n\n2025-03-31 17:00 (Europe/Brussels)');

    const [newYork] = events(
      buildCalendarFeed({
        name: 'NYC',
        generatedAt: GENERATED_AT,
        deadlines: [deadline({ timezone: 'America/New_York', description: '' })],
      }),
    );
    expect(newYork.description).toBe('2025-03-31 11:00 (America/New_York)');
  });

  it('adds a display alarm one day before each deadline', () => {
    const [event] = events(
      buildCalendarFeed({ name: 'Ghent', generatedAt: GENERATED_AT, deadlines: [deadline()] }),
    );
    expect(event.alarms).toHaveLength(1);
    expect(event.alarms?.[0]).toMatchObject({ action: 'DISPLAY', trigger: '-P1D' });
    expect(event.alarms?.[0]?.description).toBeTruthy();
  });

  it('names the calendar and asks subscribers to refresh hourly', () => {
    const text = buildCalendarFeed({ name: 'Ghent – deadlines', generatedAt: GENERATED_AT, deadlines: [] });
    expect(text).toContain('X-WR-CALNAME:Ghent – deadlines');
    expect(text).toContain('X-PUBLISHED-TTL:PT1H');
    expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
    expect(text).toContain('PRODID:-//Rights Ledger//Deadline feed//EN');
    expect(ical.sync.parseICS(text).vcalendar).toMatchObject({ 'WR-CALNAME': 'Ghent – deadlines' });
  });

  it('gives a valid calendar without events for an empty list', () => {
    const text = buildCalendarFeed({ name: 'Ghent', generatedAt: GENERATED_AT, deadlines: [] });
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(text).toContain('VERSION:2.0');
    expect(text).not.toContain('BEGIN:VEVENT');
    expect(events(text)).toHaveLength(0);
    expect(ical.sync.parseICS(text).vcalendar).toMatchObject({ type: 'VCALENDAR', version: '2.0' });
  });

  it('uses the given product id and is stable for the same input and stamp', () => {
    const input = {
      name: 'Ghent',
      prodId: '-//City of Ghent//RL//NL',
      deadlines: [deadline()],
      generatedAt: GENERATED_AT,
    };
    const text = buildCalendarFeed(input);
    expect(text).toContain('PRODID:-//City of Ghent//RL//NL\r\n');
    expect(buildCalendarFeed(input)).toBe(text);
  });

  it('still writes the event when a deadline has an unknown zone', () => {
    const [event] = events(
      buildCalendarFeed({
        name: 'Ghent',
        generatedAt: GENERATED_AT,
        deadlines: [deadline({ timezone: 'Mars/Olympus_Mons' })],
      }),
    );
    expect(event.start.toISOString()).toBe('2025-03-31T15:00:00.000Z');
    expect(event.description).toContain('2025-03-31 15:00 (UTC)');
  });

  it('gives a meeting its slot and marks the subscriber busy, a deadline neither', () => {
    const endsAt = new Date('2025-03-31T17:00:00Z');
    const [meeting, due] = [
      ...events(
        buildCalendarFeed({
          name: 'Ghent',
          generatedAt: GENERATED_AT,
          deadlines: [deadline({ uid: 'meeting-1', endsAt }), deadline({ uid: 'task-1' })],
        }),
      ),
    ].sort((a, b) => a.uid.localeCompare(b.uid));
    expect(meeting.end?.toISOString()).toBe(endsAt.toISOString());
    expect(meeting.transparency).toBe('OPAQUE');
    expect(due.end?.toISOString()).toBe(due.start.toISOString());
    expect(due.transparency).toBe('TRANSPARENT');
  });
});
