import { DomainError } from '@rl/kernel';
import {
  afterQuietHours,
  DEFAULT_REMINDER_POLICY,
  dueReminders,
  nextDigestTime,
  owedReminders,
  validatePolicy,
} from './reminder-policy';

const fieldOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return (error as DomainError).errors[0]?.field;
  }
  return undefined;
};

describe('reminder policy', () => {
  // 17:00 in Brussels on 31 March 2025, the day after clocks moved to summer time.
  const deadline = new Date('2025-03-31T15:00:00Z');

  it('keeps the local time of day across a daylight-saving change', () => {
    const [fourteen, three] = dueReminders(deadline, 'Europe/Brussels', DEFAULT_REMINDER_POLICY);
    // Still 17:00 local, which was 16:00 UTC in winter time.
    expect(three.dueAt.toISOString()).toBe('2025-03-28T16:00:00.000Z');
    expect(fourteen.dueAt.toISOString()).toBe('2025-03-17T16:00:00.000Z');
    expect(three.overdue).toBe(false);
  });

  it('puts a fixed local time of day in the deadline’s zone', () => {
    const policy = { offsets: [{ offset: 'P0D', at: '09:00' }], quietHours: null };
    expect(dueReminders(deadline, 'Europe/Brussels', policy)[0].dueAt.toISOString()).toBe(
      '2025-03-31T07:00:00.000Z',
    );
    expect(dueReminders(deadline, 'America/New_York', policy)[0].dueAt.toISOString()).toBe(
      '2025-03-31T13:00:00.000Z',
    );
  });

  it('never fires a reminder meant for before the deadline after it', () => {
    const early = new Date('2025-03-31T06:00:00Z'); // 08:00 in Brussels
    const [onTheDay] = dueReminders(early, 'Europe/Brussels', {
      offsets: [{ offset: 'P0D', at: '09:00' }],
      quietHours: null,
    });
    expect(onTheDay.dueAt).toEqual(early);
  });

  it('marks reminders after the deadline overdue and keeps their escalation', () => {
    const due = dueReminders(deadline, 'Europe/Brussels', DEFAULT_REMINDER_POLICY);
    expect(due.map((d) => [d.offsetKey, d.overdue, d.escalate])).toEqual([
      ['-P14D', false, false],
      ['-P3D', false, false],
      ['P0D@09:00', false, false],
      ['P1D', true, true],
      ['P7D', true, true],
    ]);
  });

  it('gives reminders scheduled after their deadline a grace from the event that scheduled them', () => {
    const grace = 15 * 60_000;
    const policy = {
      offsets: [
        { offset: '-P3D' },
        { offset: 'PT1S' },
        { offset: 'PT20M', escalate: true },
        { offset: 'P2D' },
      ],
      quietHours: null,
    };
    const due = dueReminders(deadline, 'Europe/Brussels', policy);
    const owed = (scheduledAt: string | null, graceMs = grace) =>
      owedReminders(due, deadline, scheduledAt === null ? null : new Date(scheduledAt), graceMs).map(
        (r) => `${r.offsetKey} ${r.dueAt.toISOString()}`,
      );
    const all = due.map((r) => `${r.offsetKey} ${r.dueAt.toISOString()}`);
    // Scheduled before the deadline: untouched, however close the first one, but for a stale one.
    expect(owed('2025-03-28T15:00:00Z')).toEqual(all);
    expect(owed('2025-03-31T14:59:59Z')).toEqual(all.slice(1));
    // Assigned ten minutes after the deadline: nothing before the grace ends, then only the latest of
    // those due by then (the escalation at +20 min); the one after the grace keeps its time.
    expect(owed('2025-03-31T15:10:00Z')).toEqual([
      'PT20M 2025-03-31T15:25:00.000Z',
      'P2D 2025-04-02T15:00:00.000Z',
    ]);
    // No grace: the latest already due, at once.
    expect(owed('2025-03-31T15:10:00Z', 0)).toEqual([
      'PT1S 2025-03-31T15:10:00.000Z',
      'PT20M 2025-03-31T15:20:00.000Z',
      'P2D 2025-04-02T15:00:00.000Z',
    ]);
    // A day and more after the deadline: the reminders due then are stale, the later one stays.
    expect(owed('2025-04-01T15:21:00Z')).toEqual(['P2D 2025-04-02T15:00:00.000Z']);
    expect(owed('2025-04-02T14:50:00Z')).toEqual(['P2D 2025-04-02T15:05:00.000Z']);
    // Times not recorded (scheduled before the grace existed): as before.
    expect(owed(null)).toEqual(all);
  });

  it('holds an instant inside quiet hours until they end in the given zone', () => {
    const quiet = { start: '21:00', end: '07:00' };
    // 22:30 in Brussels (winter): held until 07:00 the next morning.
    expect(afterQuietHours(new Date('2025-01-10T21:30:00Z'), 'Europe/Brussels', quiet).toISOString()).toBe(
      '2025-01-11T06:00:00.000Z',
    );
    // 05:00 in Brussels: until 07:00 the same morning.
    expect(afterQuietHours(new Date('2025-01-10T04:00:00Z'), 'Europe/Brussels', quiet).toISOString()).toBe(
      '2025-01-10T06:00:00.000Z',
    );
    // Noon: not held; the same instant is 06:00 in New York, inside the window there.
    const noon = new Date('2025-01-10T11:00:00Z');
    expect(afterQuietHours(noon, 'Europe/Brussels', quiet)).toBe(noon);
    expect(afterQuietHours(noon, 'America/New_York', quiet).toISOString()).toBe('2025-01-10T12:00:00.000Z');
    expect(afterQuietHours(noon, 'Europe/Brussels', null)).toBe(noon);
  });

  it('sends digests at the next 08:00 of the recipient', () => {
    expect(nextDigestTime(new Date('2025-01-10T06:59:00Z'), 'Europe/Brussels').toISOString()).toBe(
      '2025-01-10T07:00:00.000Z',
    );
    expect(nextDigestTime(new Date('2025-01-10T07:00:00Z'), 'Europe/Brussels').toISOString()).toBe(
      '2025-01-11T07:00:00.000Z',
    );
  });

  it('names the field of each invalid setting', () => {
    const valid = DEFAULT_REMINDER_POLICY;
    expect(validatePolicy(valid)).toBe(valid);
    expect(fieldOf(() => validatePolicy({ ...valid, offsets: [{ offset: 'three days' }] }))).toBe(
      'offsets[0].offset',
    );
    expect(
      fieldOf(() => validatePolicy({ ...valid, offsets: [{ offset: '-P3D' }, { offset: '-P3D' }] })),
    ).toBe('offsets[1]');
    expect(fieldOf(() => validatePolicy({ ...valid, offsets: [{ offset: '-P1D', escalate: true }] }))).toBe(
      'offsets[0].escalate',
    );
    expect(fieldOf(() => validatePolicy({ ...valid, offsets: [{ offset: 'P0D', at: '9am' }] }))).toBe(
      'offsets[0].at',
    );
    expect(fieldOf(() => validatePolicy({ ...valid, offsets: [{ offset: 'P400D' }] }))).toBe(
      'offsets[0].offset',
    );
    expect(fieldOf(() => validatePolicy({ ...valid, offsets: [] }))).toBe('offsets');
    expect(fieldOf(() => validatePolicy({ ...valid, quietHours: { start: '25:00', end: '07:00' } }))).toBe(
      'quietHours.start',
    );
  });
});
