import { Checkpoint } from '@rl/kernel';

// What a notice is about. Reminder kinds come from the deadline engine; the others from events.
export const NOTICE_KINDS = [
  'reminder.upcoming',
  'reminder.overdue',
  'reminder.escalation',
  'reminder.please-correct',
  'task.due',
  'task.overdue',
  'task.escalation',
  'submission.returned',
  'submission.validated',
  'comment.posted',
  // A glossary term linked by a followed indicator was changed (a proposal adopted) or deprecated.
  'term.changed',
  // A signed checkpoint of the city's log, for witnesses outside the database (webhooks).
  'audit.checkpoint',
  // A member's mandate from their organisation ends within 30 days (to the coordinators, in-app).
  'mandate.expiring',
  // An invitation to a meeting (in-app only; the meeting is also in the calendar feed).
  'meeting.invited',
  // A meeting the person is invited to was moved or cancelled (worth an e-mail: people plan around it).
  'meeting.rescheduled',
  'meeting.cancelled',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

// Kinds worth an e-mail. A validation needs no action: an official validating forty submissions must not
// send forty e-mails, so it stays in the in-app inbox (and webhooks); so does a changed glossary term,
// which is news to read, not work to do, a mandate's expiry, weeks ahead, and a meeting invitation (the
// meeting is in the calendar feed).
const IN_APP_ONLY: readonly NoticeKind[] = [
  'submission.validated',
  'term.changed',
  'mandate.expiring',
  'meeting.invited',
];
export const EMAILED_KINDS: ReadonlySet<NoticeKind> = new Set(
  NOTICE_KINDS.filter((k) => !IN_APP_ONLY.includes(k)),
);

export const NOTICE_CHANNELS = ['email', 'in_app'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

// Everything a template needs, captured when the notice is created (names may change later; the notice
// says what was true when it was sent). Instants are ISO 8601 UTC strings.
export interface NoticeData {
  citySlug: string;
  cityName: string;
  indicatorCode?: string;
  indicatorName?: string;
  periodCode?: string;
  organisationName?: string;
  deadline?: string;
  // Where the recipient acts on it (the assignment, the submission, the comment thread).
  link: string;
  reason?: string;
  commentExcerpt?: string;
  authorName?: string;
  // term.changed: the term's preferred label as adopted, and whether the change is its deprecation.
  termLabel?: string;
  termDeprecated?: boolean;
  // mandate.expiring: whose mandate it is (the deadline is its last day).
  holderName?: string;
  // meeting.*: the meeting's title (its start, new start for a move, is `deadline`; a cancellation's
  // `reason` says why).
  meetingTitle?: string;
  // task.*: the task's title.
  taskTitle?: string;
  // audit.checkpoint: the checkpoint as GET …/audit/checkpoints returns it.
  checkpoint?: Checkpoint;
  // reminder.*: the assignment's spreadsheet template, and the cells without a value yet (series keys,
  // '' for the total).
  templateLink?: string;
  missingCells?: string[];
}

export interface NoticeRecipient {
  name: string;
  // A language tag; templates exist for en, nl and it and fall back to en.
  locale: string;
  // IANA zone the recipient reads times in.
  timezone: string;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}
