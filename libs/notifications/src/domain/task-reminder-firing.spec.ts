import { decideTaskFiring, TaskReminderFacts } from './reminder-firing';

const due = new Date('2027-03-31T21:59:59Z');
const facts = (overrides: Partial<TaskReminderFacts> = {}): TaskReminderFacts => ({
  deadline: due,
  currentDue: due,
  dueAt: new Date('2027-03-28T21:59:59Z'),
  escalate: false,
  status: 'open',
  superseded: false,
  recipients: 1,
  ...overrides,
});
const at = (iso: string) => new Date(iso);

describe('decideTaskFiring', () => {
  it('reminds of a task open or in progress: due before its due instant, overdue after', () => {
    expect(decideTaskFiring(facts({ status: 'in_progress' }), at('2027-03-28T22:00:00Z'))).toEqual({
      action: 'send',
      kind: 'task.due',
      escalate: false,
    });
    const late = facts({ dueAt: at('2027-04-01T21:59:59Z'), escalate: true });
    expect(decideTaskFiring(late, at('2027-04-01T22:00:00Z'))).toEqual({
      action: 'send',
      kind: 'task.overdue',
      escalate: true,
    });
  });

  it('skips a task done or cancelled since, a moved due and a superseded reminder', () => {
    const now = at('2027-03-28T22:00:00Z');
    expect(decideTaskFiring(facts({ status: 'done' }), now)).toEqual({ action: 'skip', reason: 'done' });
    expect(decideTaskFiring(facts({ status: 'cancelled' }), now)).toEqual({
      action: 'skip',
      reason: 'cancelled',
    });
    expect(decideTaskFiring(facts({ currentDue: at('2027-04-30T21:59:59Z') }), now)).toEqual({
      action: 'skip',
      reason: 'rescheduled',
    });
    expect(decideTaskFiring(facts({ superseded: true }), now)).toEqual({
      action: 'skip',
      reason: 'superseded',
    });
  });

  it('escalates when nobody is assigned who could act, and waits when woken early', () => {
    expect(decideTaskFiring(facts({ recipients: 0 }), at('2027-03-28T22:00:00Z'))).toMatchObject({
      escalate: true,
    });
    expect(decideTaskFiring(facts(), at('2027-03-28T21:00:00Z'))).toEqual({ action: 'wait' });
  });
});
