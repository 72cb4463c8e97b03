import { DueReminder, DueTaskReminder } from '../persistence/reminder-firing.repository';
import { InMemoryReminderFiring, InMemoryScheduleHead } from '../testing/in-memory-reminders';
import { FireReminderHandler } from './fire-reminder.handler';

const cityId = '0192f0aa-0000-7000-8000-0000000000c1';
const reminderId = '0192f0aa-0000-7000-8000-00000000f001';
const deadline = new Date(Date.now() + 3 * 86_400_000);
const due: DueReminder = {
  assignmentId: '0192f0aa-0000-7000-8000-00000000a5a1',
  indicatorId: 'indicator-1',
  periodId: 'period-1',
  organisationId: 'organisation-1',
  deadline,
  currentDeadline: deadline,
  dueAt: new Date(Date.now() - 1_000),
  escalate: false,
  state: 'open',
  superseded: false,
};

const setUp = (reminder: Partial<DueReminder> = {}, status = 'pending') => {
  const firing = new InMemoryReminderFiring().given(reminderId, { ...due, ...reminder }, status);
  const head = new InMemoryScheduleHead();
  return { firing, head, handler: new FireReminderHandler(firing, head) };
};
const fire = (handler: FireReminderHandler, id = reminderId) => handler.handle({ cityId, reminderId: id });

describe('FireReminderHandler', () => {
  it('reminds the collectors under the reminder’s key once the schedule is at the head, and settles it sent', async () => {
    const { firing, head, handler } = setUp();
    await fire(handler);
    expect(head.reached).toBe(1);
    expect(firing.drafts).toEqual([
      expect.objectContaining({
        key: `reminder:${reminderId}`,
        kind: 'reminder.upcoming',
        recipients: ['collector-1'],
        assignmentId: due.assignmentId,
      }),
    ]);
    expect(firing.reminders.get(reminderId)).toMatchObject({ status: 'sent', outcome: 'reminder.upcoming' });
  });

  it('escalates to the coordinators under a key of its own', async () => {
    const { firing, handler } = setUp({ escalate: true });
    await fire(handler);
    expect(firing.drafts.map((d) => [d.key, d.kind, d.recipients])).toEqual([
      [`reminder:${reminderId}`, 'reminder.upcoming', ['collector-1']],
      [`reminder:${reminderId}:escalation`, 'reminder.escalation', ['coordinator-1']],
    ]);
  });

  it('settles a reminder of submitted work skipped, recording nothing', async () => {
    const { firing, handler } = setUp({ state: 'submitted' });
    await fire(handler);
    expect(firing.drafts).toEqual([]);
    expect(firing.reminders.get(reminderId)).toMatchObject({ status: 'skipped', outcome: 'submitted' });
  });

  it('leaves a reminder no longer pending, or woken early, as it is', async () => {
    const settled = setUp({}, 'sent');
    await fire(settled.handler);
    const early = setUp({ dueAt: new Date(Date.now() + 60_000) });
    await fire(early.handler);
    expect([...settled.firing.drafts, ...early.firing.drafts]).toEqual([]);
    expect(early.firing.reminders.get(reminderId)?.status).toBe('pending');
  });

  it('retries a reminder not visible yet (its transaction may not have committed)', async () => {
    const { handler } = setUp();
    await expect(fire(handler, '0192f0aa-0000-7000-8000-00000000f002')).rejects.toThrow('not visible yet');
  });

  describe('of a task', () => {
    const taskReminder: DueTaskReminder = {
      taskId: '0192f0aa-0000-7000-8000-00000000a5a2',
      title: 'Collect counts',
      organisationId: 'organisation-1',
      deadline,
      currentDue: deadline,
      dueAt: new Date(Date.now() - 1_000),
      escalate: false,
      superseded: false,
      status: 'open',
      recipients: ['collector-1'],
      coordinators: ['coordinator-1'],
    };
    const setUpTask = (task: Partial<DueTaskReminder> = {}) => {
      const firing = new InMemoryReminderFiring().givenTask(reminderId, { ...taskReminder, ...task });
      return { firing, handler: new FireReminderHandler(firing, new InMemoryScheduleHead()) };
    };

    it('reminds its recipients under the reminder’s key, escalating to the coordinators when nobody can act', async () => {
      const { firing, handler } = setUpTask();
      await fire(handler);
      expect(firing.drafts.map((d) => [d.key, d.kind, d.recipients, d.taskId])).toEqual([
        [`reminder:${reminderId}`, 'task.due', ['collector-1'], taskReminder.taskId],
      ]);
      expect(firing.reminders.get(reminderId)).toMatchObject({ status: 'sent', outcome: 'task.due' });
      const nobody = setUpTask({ recipients: [] });
      await fire(nobody.handler);
      expect(nobody.firing.drafts.map((d) => [d.kind, d.recipients])).toEqual([
        ['task.due', []],
        ['task.escalation', ['coordinator-1']],
      ]);
    });

    it('settles the reminder of a task done since skipped, recording nothing', async () => {
      const { firing, handler } = setUpTask({ status: 'done' });
      await fire(handler);
      expect(firing.drafts).toEqual([]);
      expect(firing.reminders.get(reminderId)).toMatchObject({ status: 'skipped', outcome: 'done' });
    });
  });
});
