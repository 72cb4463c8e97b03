import { renderNotice } from './render-notice';
import { notice, recipient, THREE_DAYS_BEFORE } from './testing/notice-factories';

const reminder = notice({
  templateLink: 'https://ghent.rights-ledger.test/v1/cities/ghent/assignments/asg-1/template.xlsx',
  missingCells: ['', 'sex:F'],
});

describe('assignment reminders with the spreadsheet template', () => {
  it('say which cells are still missing and link the template, in the recipient’s language', () => {
    const en = renderNotice('reminder.upcoming', reminder, recipient(), THREE_DAYS_BEFORE);
    expect(en.text).toContain('Still without a value: total, sex:F.');
    expect(en.text).toContain(
      'Or fill in the spreadsheet template and upload it:\nhttps://ghent.rights-ledger.test/v1/cities/ghent/assignments/asg-1/template.xlsx',
    );
    expect(en.html).toContain(
      'href="https://ghent.rights-ledger.test/v1/cities/ghent/assignments/asg-1/template.xlsx"',
    );
    const nl = renderNotice('reminder.overdue', reminder, recipient({ locale: 'nl' }), THREE_DAYS_BEFORE);
    expect(nl.text).toContain('Nog zonder waarde: totaal, sex:F.');
    const it = renderNotice('reminder.upcoming', reminder, recipient({ locale: 'it' }), THREE_DAYS_BEFORE);
    expect(it.text).toContain('Ancora senza valore: totale, sex:F.');
  });

  it('leave both out when the notice has neither', () => {
    const plain = renderNotice('reminder.upcoming', notice(), recipient(), THREE_DAYS_BEFORE).text;
    expect(plain).not.toContain('template');
    expect(plain).not.toContain('Still without a value');
  });
});
