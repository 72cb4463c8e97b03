import { renderNotice } from './render-notice';
import { notice, recipient, THREE_DAYS_BEFORE, TWO_DAYS_AFTER } from './testing/notice-factories';

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
});
