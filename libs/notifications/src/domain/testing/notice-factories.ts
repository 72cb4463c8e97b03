import type { NoticeData, NoticeRecipient } from '../notice';

export const notice = (overrides: Partial<NoticeData> = {}): NoticeData => ({
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
export const bare = (): NoticeData => ({
  citySlug: 'ghent',
  cityName: 'Ghent',
  link: 'https://ghent.rights-ledger.test/inbox',
});

export const recipient = (overrides: Partial<NoticeRecipient> = {}): NoticeRecipient => ({
  name: 'Jan Peeters',
  locale: 'en',
  timezone: 'Europe/Brussels',
  ...overrides,
});

// The deadline is Monday 31 March 2025, 17:00 in Brussels.
export const THREE_DAYS_BEFORE = new Date('2025-03-28T09:00:00Z');
export const TWO_DAYS_AFTER = new Date('2025-04-02T09:00:00Z');
