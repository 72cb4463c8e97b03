import { NOTICE_KINDS, NoticeData, NoticeKind, NoticeRecipient } from './notice';
import { renderDigest, renderNotice } from './templates';

const notice = (overrides: Partial<NoticeData> = {}): NoticeData => ({
  citySlug: 'ghent',
  cityName: 'Ghent',
  indicatorCode: 'EDU-01',
  indicatorName: 'Access to education',
  periodCode: '2025',
  organisationName: 'Buurtwerk vzw',
  deadline: '2025-03-31T15:00:00Z',
  link: 'https://ghent.rights-ledger.test/assignments/asg-1',
  reason: 'The enrolment figure is missing.',
  commentExcerpt: 'Could you check the 2024 baseline?',
  authorName: 'Anna De Smet',
  ...overrides,
});

// Only what NoticeData requires.
const bare = (): NoticeData => ({
  citySlug: 'ghent',
  cityName: 'Ghent',
  link: 'https://ghent.rights-ledger.test/inbox',
});

const recipient = (overrides: Partial<NoticeRecipient> = {}): NoticeRecipient => ({
  name: 'Jan Peeters',
  locale: 'en',
  timezone: 'Europe/Brussels',
  ...overrides,
});

// The deadline is Monday 31 March 2025, 17:00 in Brussels.
const THREE_DAYS_BEFORE = new Date('2025-03-28T09:00:00Z');
const TWO_DAYS_AFTER = new Date('2025-04-02T09:00:00Z');

describe('renderNotice', () => {
  describe('in English', () => {
    it('reminds of an upcoming deadline with a short subject, greeting, city and link', () => {
      const message = renderNotice('reminder.upcoming', notice(), recipient(), THREE_DAYS_BEFORE);

      expect(message.subject).toBe('[Ghent] Reminder: EDU-01 2025 is due in 3 days');
      expect(message.text).toContain('Dear Jan Peeters,');
      expect(message.text).toContain(
        'EDU-01 – Access to education for 2025 is due in 3 days: Monday, 31 March 2025 at 17:00 (Europe/Brussels).',
      );
      expect(message.text).toContain('Rights Ledger – Ghent');
      expect(message.text).toContain('\nhttps://ghent.rights-ledger.test/assignments/asg-1\n');
      expect(message.html).toContain('<a href="https://ghent.rights-ledger.test/assignments/asg-1"');
      expect(message.html).toContain('Dear Jan Peeters,');
    });

    it('tells the collector a submission was returned, with the reason', () => {
      const message = renderNotice('submission.returned', notice(), recipient(), THREE_DAYS_BEFORE);

      expect(message.subject).toBe('[Ghent] Submission returned: EDU-01 2025');
      expect(message.text).toContain(
        'Your submission for EDU-01 – Access to education for 2025 has been returned.',
      );
      expect(message.text).toContain('Reason: The enrolment figure is missing.');
      expect(message.html).toContain('<strong>Reason:</strong> The enrolment figure is missing.');
    });

    it('escalates to a coordinator naming the organisation and since when it is overdue', () => {
      const message = renderNotice('reminder.escalation', notice(), recipient(), TWO_DAYS_AFTER);

      expect(message.subject).toBe('[Ghent] Escalation: Buurtwerk vzw has not submitted EDU-01 2025');
      expect(message.text).toContain(
        'Buurtwerk vzw has not submitted EDU-01 – Access to education for 2025.',
      );
      expect(message.text).toContain(
        'It has been overdue since Monday, 31 March 2025 at 17:00 (Europe/Brussels), 2 days ago.',
      );
    });

    it('asks for a correction before the deadline', () => {
      const message = renderNotice('reminder.please-correct', notice(), recipient(), THREE_DAYS_BEFORE);

      expect(message.subject).toBe('[Ghent] Please correct: EDU-01 2025');
      expect(message.text).toContain('Reason: The enrolment figure is missing.');
      expect(message.text).toContain(
        'Please correct it and submit it again before the deadline: Monday, 31 March 2025 at 17:00 (Europe/Brussels), in 3 days.',
      );
    });
  });

  describe('in Dutch', () => {
    it('reminds of an upcoming deadline', () => {
      const message = renderNotice(
        'reminder.upcoming',
        notice({ cityName: 'Gent' }),
        recipient({ locale: 'nl' }),
        THREE_DAYS_BEFORE,
      );

      expect(message.subject).toBe('[Gent] Herinnering: EDU-01 2025 – deadline over 3 dagen');
      expect(message.text).toContain('Beste Jan Peeters,');
      expect(message.text).toContain(
        'De deadline voor EDU-01 – Access to education voor 2025 verstrijkt over 3 dagen: maandag 31 maart 2025 om 17:00 (Europe/Brussels).',
      );
      expect(message.text).toContain('Met vriendelijke groet,\nRights Ledger – Gent');
      expect(message.html).toContain('<html lang="nl">');
    });

    it('confirms a validated submission', () => {
      const message = renderNotice(
        'submission.validated',
        notice({ cityName: 'Gent' }),
        recipient({ locale: 'nl' }),
        THREE_DAYS_BEFORE,
      );

      expect(message.subject).toBe('[Gent] Inzending gevalideerd: EDU-01 2025');
      expect(message.text).toContain(
        'Uw inzending voor EDU-01 – Access to education voor 2025 is gevalideerd.',
      );
    });

    it('reports an overdue submission', () => {
      const message = renderNotice(
        'reminder.overdue',
        notice({ cityName: 'Gent' }),
        recipient({ locale: 'nl' }),
        TWO_DAYS_AFTER,
      );

      expect(message.subject).toBe('[Gent] Te laat: EDU-01 2025 – deadline 2 dagen geleden verstreken');
      expect(message.text).toContain('maandag 31 maart 2025 om 17:00 (Europe/Brussels), 2 dagen geleden.');
    });
  });

  describe('in Italian', () => {
    it('sends a formal overdue reminder', () => {
      const message = renderNotice(
        'reminder.overdue',
        notice({ cityName: 'Torino' }),
        recipient({ locale: 'it', timezone: 'Europe/Rome' }),
        TWO_DAYS_AFTER,
      );

      expect(message.subject).toBe('[Torino] Sollecito: EDU-01 2025 – termine scaduto 2 giorni fa');
      expect(message.text).toContain('Gentile Jan Peeters,');
      expect(message.text).toContain(
        "Il termine per l'invio dei dati di EDU-01 – Access to education per il periodo 2025 era lunedì 31 marzo 2025 alle ore 17:00 (Europe/Rome), 2 giorni fa.",
      );
      expect(message.text).toContain('Cordiali saluti,\nRights Ledger – Torino');
    });

    it('announces a comment with its excerpt', () => {
      const message = renderNotice(
        'comment.posted',
        notice({ cityName: 'Torino' }),
        recipient({ locale: 'it' }),
        THREE_DAYS_BEFORE,
      );

      expect(message.subject).toBe('[Torino] Nuovo commento di Anna De Smet su EDU-01 2025');
      expect(message.text).toContain(
        'Anna De Smet ha commentato EDU-01 – Access to education per il periodo 2025:',
      );
      expect(message.text).toContain('> Could you check the 2024 baseline?');
      expect(message.html).toContain('<blockquote');
    });

    it('reminds of an upcoming deadline', () => {
      const message = renderNotice(
        'reminder.upcoming',
        notice(),
        recipient({ locale: 'it' }),
        THREE_DAYS_BEFORE,
      );

      expect(message.subject).toBe('[Ghent] Promemoria: EDU-01 2025 in scadenza tra 3 giorni');
    });
  });

  describe('language choice', () => {
    it.each([
      ['fr', 'Dear Jan Peeters,'],
      ['fr-BE', 'Dear Jan Peeters,'],
      ['', 'Dear Jan Peeters,'],
      ['nl-BE', 'Beste Jan Peeters,'],
      ['NL', 'Beste Jan Peeters,'],
      ['it_IT', 'Gentile Jan Peeters,'],
      ['it-CH.UTF-8', 'Gentile Jan Peeters,'],
    ])('renders locale %p with %p', (locale, greeting) => {
      expect(
        renderNotice('submission.validated', notice(), recipient({ locale }), THREE_DAYS_BEFORE).text,
      ).toContain(greeting);
    });

    it('formats an unsupported language the English way', () => {
      const message = renderNotice(
        'reminder.upcoming',
        notice(),
        recipient({ locale: 'fr' }),
        THREE_DAYS_BEFORE,
      );
      expect(message.subject).toBe('[Ghent] Reminder: EDU-01 2025 is due in 3 days');
      expect(message.text).toContain('Monday, 31 March 2025 at 17:00');
    });

    it('follows the recipient region for date conventions within a language', () => {
      const message = renderNotice(
        'reminder.upcoming',
        notice(),
        recipient({ locale: 'en-US' }),
        THREE_DAYS_BEFORE,
      );
      expect(message.text).toContain('Monday, March 31, 2025 at 5:00');
    });
  });

  describe('deadline', () => {
    it('is shown in the recipient timezone and names the zone', () => {
      const brussels = renderNotice('reminder.upcoming', notice(), recipient(), THREE_DAYS_BEFORE);
      const newYork = renderNotice(
        'reminder.upcoming',
        notice(),
        recipient({ timezone: 'America/New_York' }),
        THREE_DAYS_BEFORE,
      );

      expect(brussels.text).toContain('31 March 2025 at 17:00 (Europe/Brussels)');
      expect(newYork.text).toContain('31 March 2025 at 11:00 (America/New_York)');
      expect(newYork.html).toContain('31 March 2025 at 11:00 (America/New_York)');
    });

    it('falls back to UTC, named as such, for an unknown zone', () => {
      const message = renderNotice(
        'reminder.upcoming',
        notice(),
        recipient({ timezone: 'Mars/Base' }),
        THREE_DAYS_BEFORE,
      );
      expect(message.text).toContain('31 March 2025 at 15:00 (UTC)');
    });

    it.each<[string, string, string]>([
      ['2025-03-30T10:00:00Z', 'is due tomorrow', 'Reminder: EDU-01 2025 is due tomorrow'],
      ['2025-03-31T10:00:00Z', 'is due in 5 hours', 'Reminder: EDU-01 2025 is due in 5 hours'],
      ['2025-03-31T14:20:00Z', 'is due within the hour', 'Reminder: EDU-01 2025 is due within the hour'],
      // Friday 20:00 → Monday 17:00 is under 3 × 24 hours but three calendar days.
      ['2025-03-28T19:00:00Z', 'is due in 3 days', 'Reminder: EDU-01 2025 is due in 3 days'],
    ])('says how far away it is (now %s)', (now, phrase, subject) => {
      const message = renderNotice('reminder.upcoming', notice(), recipient(), new Date(now));
      expect(message.text).toContain(phrase);
      expect(message.subject).toBe(`[Ghent] ${subject}`);
    });

    it.each<[string, string]>([
      ['2025-04-01T08:00:00Z', 'yesterday'],
      ['2025-04-02T09:00:00Z', '2 days ago'],
      ['2025-03-31T18:00:00Z', 'earlier today'],
    ])('says how long ago it passed (now %s)', (now, phrase) => {
      const message = renderNotice('reminder.overdue', notice(), recipient(), new Date(now));
      expect(message.subject).toBe(`[Ghent] Overdue: EDU-01 2025 was due ${phrase}`);
    });

    it.each<[string, string, string]>([
      ['nl', 'over 5 uur', 'gisteren'],
      ['it', 'tra 5 ore', 'ieri'],
    ])('uses relative wording in %s', (locale, inFiveHours, yesterday) => {
      expect(
        renderNotice('reminder.upcoming', notice(), recipient({ locale }), new Date('2025-03-31T10:00:00Z'))
          .subject,
      ).toContain(inFiveHours);
      expect(
        renderNotice('reminder.overdue', notice(), recipient({ locale }), new Date('2025-04-01T08:00:00Z'))
          .subject,
      ).toContain(yesterday);
    });

    it('words a late upcoming reminder as overdue rather than "due 2 days ago"', () => {
      const message = renderNotice('reminder.upcoming', notice(), recipient(), TWO_DAYS_AFTER);
      expect(message.subject).toBe('[Ghent] Overdue: EDU-01 2025 was due 2 days ago');
    });
  });

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
