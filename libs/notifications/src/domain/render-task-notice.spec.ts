import { renderNotice } from './render-notice';
import { notice, recipient, THREE_DAYS_BEFORE, TWO_DAYS_AFTER } from './testing/notice-factories';

const task = notice({
  taskTitle: 'Collect the shelter counts',
  link: 'https://ghent.rights-ledger.test/tasks/t-1',
});

describe('task notices', () => {
  it('say a task is due, naming it, in the recipient’s language', () => {
    expect(renderNotice('task.due', task, recipient(), THREE_DAYS_BEFORE).subject).toBe(
      '[Ghent] Task due in 3 days: Collect the shelter counts',
    );
    expect(renderNotice('task.due', task, recipient({ locale: 'nl-BE' }), THREE_DAYS_BEFORE).text).toContain(
      'De taak “Collect the shelter counts” vervalt over 3 dagen',
    );
    expect(renderNotice('task.due', task, recipient({ locale: 'it' }), THREE_DAYS_BEFORE).text).toContain(
      'Il compito «Collect the shelter counts» scade',
    );
  });

  it('call a task overdue once its due instant has passed, and escalate naming the organisation', () => {
    expect(renderNotice('task.due', task, recipient(), TWO_DAYS_AFTER).subject).toBe(
      '[Ghent] Overdue task: Collect the shelter counts',
    );
    expect(renderNotice('task.escalation', task, recipient(), TWO_DAYS_AFTER).text).toContain(
      'The task “Collect the shelter counts” of Buurtwerk vzw is not done.',
    );
  });
});
