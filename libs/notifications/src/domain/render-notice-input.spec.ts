import { NOTICE_KINDS, NoticeKind } from './notice';
import { renderNotice } from './render-notice';
import { bare, notice, recipient, THREE_DAYS_BEFORE } from './testing/notice-factories';

describe('renderNotice', () => {
  describe('HTML', () => {
    it('escapes user input such as a reason containing a script', () => {
      const message = renderNotice(
        'submission.returned',
        notice({ reason: 'Wrong <script>alert("x")</script> & more', authorName: '<b>Eve</b>' }),
        recipient({ name: 'Jan <img src=x onerror=alert(1)>' }),
        THREE_DAYS_BEFORE,
      );

      expect(message.html).not.toContain('<script>');
      expect(message.html).not.toContain('<img');
      expect(message.html).toContain('Wrong &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
      expect(message.html).toContain('Jan &lt;img src=x onerror=alert(1)&gt;');
      // The text part is not HTML and keeps the input as written.
      expect(message.text).toContain('Reason: Wrong <script>alert("x")</script> & more');
    });

    it('escapes names, codes and comments in every kind and language', () => {
      const hostile = '<i>"x"</i>';
      const data = notice({
        cityName: hostile,
        indicatorCode: hostile,
        indicatorName: hostile,
        periodCode: hostile,
        organisationName: hostile,
        reason: hostile,
        commentExcerpt: hostile,
        authorName: hostile,
      });
      for (const locale of ['en', 'nl', 'it']) {
        for (const kind of NOTICE_KINDS) {
          const { html } = renderNotice(kind, data, recipient({ locale, name: hostile }), THREE_DAYS_BEFORE);
          expect(html).not.toContain('<i>');
          expect(html).toContain('&lt;i&gt;&quot;x&quot;&lt;/i&gt;');
        }
      }
    });

    it('escapes the link and makes only web links clickable', () => {
      const quoted = renderNotice(
        'submission.validated',
        notice({ link: 'https://x.test/a?b=1&c="2"' }),
        recipient(),
        THREE_DAYS_BEFORE,
      );
      expect(quoted.html).toContain('href="https://x.test/a?b=1&amp;c=&quot;2&quot;"');

      const script = renderNotice(
        'submission.validated',
        notice({ link: 'javascript:alert(1)' }),
        recipient(),
        THREE_DAYS_BEFORE,
      );
      expect(script.html).not.toContain('href="javascript');
    });

    it('keeps line breaks of a multi-line reason', () => {
      const message = renderNotice(
        'submission.returned',
        notice({ reason: 'Line 1\nLine 2' }),
        recipient(),
        THREE_DAYS_BEFORE,
      );
      expect(message.html).toContain('Line 1<br>Line 2');
    });
  });

  describe('missing optional fields', () => {
    it.each(
      NOTICE_KINDS.flatMap((kind) =>
        ['en', 'nl', 'it'].map((locale): [NoticeKind, string] => [kind, locale]),
      ),
    )('never render "undefined" or "null" (%s, %s)', (kind, locale) => {
      const message = renderNotice(kind, bare(), recipient({ locale }), THREE_DAYS_BEFORE);
      for (const part of [message.subject, message.text, message.html]) {
        expect(part).not.toMatch(/undefined|null|NaN|Invalid Date/);
      }
      expect(message.text).toContain('https://ghent.rights-ledger.test/inbox');
      expect(message.subject.startsWith('[Ghent] ')).toBe(true);
    });

    it('uses neutral words for what is missing', () => {
      expect(renderNotice('reminder.upcoming', bare(), recipient(), THREE_DAYS_BEFORE).text).toContain(
        'The indicator is due soon.',
      );
      expect(renderNotice('reminder.escalation', bare(), recipient(), THREE_DAYS_BEFORE).text).toContain(
        'An organisation has not submitted the indicator.',
      );
      expect(renderNotice('comment.posted', bare(), recipient(), THREE_DAYS_BEFORE).subject).toBe(
        '[Ghent] New comment on the indicator',
      );
      expect(renderNotice('submission.returned', bare(), recipient(), THREE_DAYS_BEFORE).text).not.toContain(
        'Reason',
      );
      expect(
        renderNotice('submission.validated', bare(), recipient({ name: ' ' }), THREE_DAYS_BEFORE).text,
      ).toMatch(/^Dear colleague,/);
    });

    it('ignores an unparseable deadline instead of printing it', () => {
      const message = renderNotice(
        'reminder.upcoming',
        notice({ deadline: 'next week' }),
        recipient(),
        THREE_DAYS_BEFORE,
      );
      expect(message.subject).toBe('[Ghent] Reminder: EDU-01 2025 is due soon');
    });
  });

  it('keeps user input from breaking the subject line', () => {
    const message = renderNotice(
      'comment.posted',
      notice({ authorName: 'Eve\r\nBcc: x@evil.test' }),
      recipient(),
      THREE_DAYS_BEFORE,
    );
    expect(message.subject).not.toMatch(/[\r\n]/);
  });
});
