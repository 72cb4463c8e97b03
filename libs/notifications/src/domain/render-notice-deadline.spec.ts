import { renderNotice } from './render-notice';
import { notice, recipient, THREE_DAYS_BEFORE, TWO_DAYS_AFTER } from './testing/notice-factories';

describe('renderNotice', () => {
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
});
