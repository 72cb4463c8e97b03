import { NoticeData, NoticeKind } from './notice';
import { renderDigest } from './render-notice';
import { notice, recipient, THREE_DAYS_BEFORE } from './testing/notice-factories';

describe('renderDigest', () => {
  const items = (): { kind: NoticeKind; data: NoticeData }[] => [
    { kind: 'reminder.upcoming', data: notice() },
    { kind: 'submission.returned', data: notice({ indicatorCode: 'HLT-03', link: 'https://x.test/s/2' }) },
    { kind: 'comment.posted', data: notice({ link: 'https://x.test/c/3' }) },
    { kind: 'submission.validated', data: notice({ indicatorCode: 'HOU-07', link: 'https://x.test/s/4' }) },
  ];

  it('lists every item once, one line each in text and a <ul> in HTML', () => {
    const message = renderDigest(items(), recipient(), THREE_DAYS_BEFORE);

    expect(message.subject).toBe('[Ghent] 4 notifications');
    expect(message.text).toContain('Dear Jan Peeters,');
    const lines = message.text.split('\n').filter((line) => line.startsWith('- '));
    expect(lines).toEqual([
      '- Reminder: EDU-01 2025 is due in 3 days <https://ghent.rights-ledger.test/assignments/asg-1>',
      '- Submission returned: HLT-03 2025 <https://x.test/s/2>',
      '- New comment from Anna De Smet on EDU-01 2025 <https://x.test/c/3>',
      '- Submission validated: HOU-07 2025 <https://x.test/s/4>',
    ]);
    expect(message.html.match(/<ul/g)).toHaveLength(1);
    expect(message.html.match(/<li/g)).toHaveLength(4);
    expect(message.html).toContain('<a href="https://x.test/s/2"');
  });

  it('localises the subject and the count', () => {
    expect(renderDigest(items(), recipient({ locale: 'nl-BE' }), THREE_DAYS_BEFORE).subject).toBe(
      '[Ghent] 4 meldingen',
    );
    expect(renderDigest(items(), recipient({ locale: 'it' }), THREE_DAYS_BEFORE).subject).toBe(
      '[Ghent] 4 notifiche',
    );
    expect(renderDigest(items().slice(0, 1), recipient(), THREE_DAYS_BEFORE).subject).toBe(
      '[Ghent] 1 notification',
    );
    expect(renderDigest(items().slice(0, 1), recipient({ locale: 'nl' }), THREE_DAYS_BEFORE).subject).toBe(
      '[Ghent] 1 melding',
    );
  });

  it('names the city on each line when the items span several cities', () => {
    const message = renderDigest(
      [items()[0], { kind: 'submission.validated', data: notice({ cityName: 'Torino' }) }],
      recipient(),
      THREE_DAYS_BEFORE,
    );
    expect(message.subject).toBe('2 notifications');
    expect(message.text).toContain('- [Ghent] Reminder: EDU-01 2025 is due in 3 days');
    expect(message.text).toContain('- [Torino] Submission validated: EDU-01 2025');
  });

  it('escapes item text in HTML', () => {
    const message = renderDigest(
      [{ kind: 'comment.posted', data: notice({ authorName: '<script>x</script>' }) }],
      recipient(),
      THREE_DAYS_BEFORE,
    );
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('&lt;script&gt;x&lt;/script&gt;');
  });

  it('renders an empty digest without items', () => {
    const message = renderDigest([], recipient(), THREE_DAYS_BEFORE);
    expect(message.subject).toBe('0 notifications');
    expect(message.text).toContain('You have no new notifications.');
    expect(message.html).not.toContain('<ul');
    expect(message.text).not.toMatch(/undefined|null/);
  });
});
