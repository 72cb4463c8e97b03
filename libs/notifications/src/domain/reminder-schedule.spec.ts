import { fixedClock } from '@rl/kernel';
import { ReminderPolicy } from './reminder-policy';
import { OpenSubject, unwantedReminders, wantedReminders } from './reminder-schedule';

const HOUR = 3_600_000;
const GRACE_MS = 2 * HOUR;
// Three days before, and a day after (escalating).
const POLICY: ReminderPolicy = {
  offsets: [{ offset: '-P3D' }, { offset: 'P1D', escalate: true }],
  quietHours: null,
};
const deadline = new Date('2025-06-30T15:00:00Z');
const open = (overrides: Partial<OpenSubject> = {}): OpenSubject => ({
  subjectId: 'a1',
  deadline,
  timezone: 'Europe/Brussels',
  scheduledAt: new Date('2025-06-01T09:00:00Z'),
  ...overrides,
});
const keysOf = (wanted: { subjectId: string; offsetKey: string; dueAt: Date }[]) =>
  wanted.map((w) => `${w.subjectId} ${w.offsetKey} ${w.dueAt.toISOString()}`);

describe('reminder schedule decisions', () => {
  const before = fixedClock('2025-06-02T00:00:00Z');

  it('wants every reminder of the policy for an assignment scheduled well before its deadline', () => {
    const wanted = wantedReminders([open(), open({ subjectId: 'a2' })], POLICY, GRACE_MS, before.now());
    expect(keysOf(wanted)).toEqual([
      'a1 -P3D 2025-06-27T15:00:00.000Z',
      'a1 P1D 2025-07-01T15:00:00.000Z',
      'a2 -P3D 2025-06-27T15:00:00.000Z',
      'a2 P1D 2025-07-01T15:00:00.000Z',
    ]);
    expect(wanted[1]).toMatchObject({ deadline, escalate: true, overdue: true });
  });

  it('folds the reminders due within the grace of a late assignment into one when the grace ends', () => {
    const scheduledAt = new Date(deadline.getTime() + HOUR);
    const wanted = wantedReminders([open({ scheduledAt })], POLICY, GRACE_MS, fixedClock(scheduledAt).now());
    expect(keysOf(wanted)).toEqual(['a1 P1D 2025-07-01T15:00:00.000Z']);
    const lateBy = new Date(deadline.getTime() + 23 * HOUR);
    const graceEnds = new Date(lateBy.getTime() + GRACE_MS).toISOString();
    expect(keysOf(wantedReminders([open({ scheduledAt: lateBy })], POLICY, GRACE_MS, lateBy))).toEqual([
      `a1 P1D ${graceEnds}`,
    ]);
  });

  it('schedules nothing that fell due more than a day before now (a rebuild of old history)', () => {
    const later = fixedClock('2025-07-01T16:00:00Z');
    expect(keysOf(wantedReminders([open()], POLICY, GRACE_MS, later.now()))).toEqual([
      'a1 P1D 2025-07-01T15:00:00.000Z',
    ]);
    const muchLater = fixedClock('2025-07-03T00:00:00Z');
    expect(wantedReminders([open()], POLICY, GRACE_MS, muchLater.now())).toEqual([]);
  });

  it('cancels the pending reminders no longer wanted, matching on assignment, deadline and offset', () => {
    const wanted = wantedReminders([open()], POLICY, GRACE_MS, before.now());
    const moved = new Date('2025-07-31T15:00:00Z');
    const pending = [
      { id: 'kept', subjectId: 'a1', deadline: new Date(deadline), offsetKey: '-P3D' },
      { id: 'old-deadline', subjectId: 'a1', deadline: moved, offsetKey: '-P3D' },
      { id: 'old-offset', subjectId: 'a1', deadline, offsetKey: '-P14D' },
      { id: 'other-assignment', subjectId: 'a2', deadline, offsetKey: 'P1D' },
    ];
    expect(unwantedReminders(pending, wanted)).toEqual(['old-deadline', 'old-offset', 'other-assignment']);
    expect(unwantedReminders(pending, [])).toHaveLength(4);
  });
});
