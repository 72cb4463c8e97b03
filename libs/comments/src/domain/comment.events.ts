export const COMMENT_TARGET_KINDS = ['indicator', 'submission', 'period', 'glossary-term'] as const;
export type CommentTargetKind = (typeof COMMENT_TARGET_KINDS)[number];

export const COMMENT_VISIBILITIES = ['internal', 'public'] as const;
export type CommentVisibility = (typeof COMMENT_VISIBILITIES)[number];

export interface CommentTarget {
  kind: CommentTargetKind;
  id: string;
}

// One observation of a submission, named by its disaggregation key ({sex: 'F', age: '15-24'}).
export type ObservationKey = Record<string, string>;

// Who wrote it, as shown next to the comment: ids only (names are personal data, joined at read time).
export interface CommentAuthor {
  id: string;
  role: string | null;
  organisationId: string | null;
}

// A comment as posted: the data of CommentPosted, and what the decider's state starts from.
export interface PostedComment {
  commentId: string;
  target: CommentTarget;
  parentId: string | null;
  observation: ObservationKey | null;
  body: string;
  visibility: CommentVisibility;
  author: CommentAuthor;
  // The meeting the comment was made in (a results session); absent otherwise and on older events.
  meetingId?: string;
}

export type CommentEvent =
  | { type: 'CommentPosted'; data: PostedComment }
  // Only the changed fields; earlier bodies stay in the log.
  | {
      type: 'CommentEdited';
      data: { commentId: string; body?: string; visibility?: CommentVisibility };
    }
  | {
      type: 'CommentRetracted';
      data: { commentId: string; retractedBy: { id: string; role: string | null } };
    };

export type CommentEventType = CommentEvent['type'];

export const COMMENT_EVENT_TYPES: readonly CommentEventType[] = [
  'CommentPosted',
  'CommentEdited',
  'CommentRetracted',
];

export const commentStream = (commentId: string) => `comment-${commentId}`;
