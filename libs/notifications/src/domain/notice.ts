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
  // A signed checkpoint of the city's log, for witnesses outside the database (webhooks).
  'audit.checkpoint',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

// Kinds worth an e-mail. A validation needs no action: an official validating forty submissions must not
// send forty e-mails, so it stays in the in-app inbox (and webhooks).
export const EMAILED_KINDS: ReadonlySet<NoticeKind> = new Set(
  NOTICE_KINDS.filter((k) => k !== 'submission.validated'),
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
  // task.*: the task's title.
  taskTitle?: string;
  // audit.checkpoint: the checkpoint as GET …/audit/checkpoints returns it.
  checkpoint?: Checkpoint;
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
