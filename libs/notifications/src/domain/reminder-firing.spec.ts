import { decideFiring, ReminderFacts } from './reminder-firing';

const deadline = new Date('2025-03-31T15:00:00Z');
const facts = (overrides: Partial<ReminderFacts> = {}): ReminderFacts => ({
  deadline,
  currentDeadline: deadline,
  dueAt: new Date('2025-03-28T15:00:00Z'),
  escalate: false,
  state: 'open',
  superseded: false,
  collectors: 2,
  ...overrides,
});
const at = (iso: string) => new Date(iso);

describe('decideFiring', () => {
  it('reminds the collectors of an open assignment: upcoming before the deadline, overdue after', () => {
    expect(decideFiring(facts(), at('2025-03-28T15:00:00Z'))).toEqual({
      action: 'send',
      kind: 'reminder.upcoming',
      escalate: false,
    });
    const late = facts({ dueAt: at('2025-04-01T15:00:00Z'), escalate: true });
    expect(decideFiring(late, at('2025-04-01T15:00:00Z'))).toEqual({
      action: 'send',
      kind: 'reminder.overdue',
      escalate: true,
    });
  });

  it('asks a returned submission to be corrected', () => {
    expect(decideFiring(facts({ state: 'returned' }), at('2025-03-28T15:00:00Z'))).toMatchObject({
      kind: 'reminder.please-correct',
    });
  });

  it('escalates to the coordinators when the organisation has no collector', () => {
    expect(decideFiring(facts({ collectors: 0 }), at('2025-03-28T15:00:00Z'))).toMatchObject({
      escalate: true,
    });
  });

  it('skips a reminder whose deadline moved, whose work is done or withdrawn, or a later one is due', () => {
    const now = at('2025-03-28T15:00:00Z');
    const skipped = (overrides: Partial<ReminderFacts>) => decideFiring(facts(overrides), now);
    expect(skipped({ currentDeadline: at('2025-04-30T15:00:00Z') })).toEqual({
      action: 'skip',
      reason: 'rescheduled',
    });
    expect(skipped({ state: 'submitted' })).toEqual({ action: 'skip', reason: 'submitted' });
    expect(skipped({ state: 'validated' })).toEqual({ action: 'skip', reason: 'validated' });
    expect(skipped({ state: 'withdrawn' })).toEqual({ action: 'skip', reason: 'withdrawn' });
    expect(skipped({ superseded: true })).toEqual({ action: 'skip', reason: 'superseded' });
  });

  it('waits when woken more than a second early, and fires within that tolerance', () => {
    expect(decideFiring(facts(), at('2025-03-28T14:59:58Z'))).toEqual({ action: 'wait' });
    expect(decideFiring(facts(), at('2025-03-28T14:59:59.500Z')).action).toBe('send');
  });
});
