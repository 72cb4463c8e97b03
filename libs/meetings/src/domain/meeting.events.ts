export const MEETING_KINDS = ['operational', 'results', 'training', 'other'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_STATUSES = ['scheduled', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MINUTES_VISIBILITIES = ['internal', 'public'] as const;
export type MinutesVisibility = (typeof MINUTES_VISIBILITIES)[number];

// What an agenda item or a decision may point at, by id in the same city.
export const MEETING_LINK_KINDS = ['indicator', 'term', 'task', 'submission'] as const;
export type MeetingLinkKind = (typeof MEETING_LINK_KINDS)[number];

export interface MeetingLink {
  kind: MeetingLinkKind;
  id: string;
}

export interface AgendaItem {
  title: string;
  durationMinutes: number | null;
  links: MeetingLink[];
}

// Who was there: a member (by user id), an organisation, or a member on behalf of an organisation.
export interface Attendee {
  userId: string | null;
  organisationId: string | null;
}

// A task a decision asks for; the tasks context creates it (see DecisionTasks).
export interface DecisionTaskSpec {
  title: string;
  description?: string;
  assigneeOrganisationId?: string;
  assigneeUserId?: string;
  // ISO 8601 instant or calendar day, as the tasks context reads it.
  due: string;
}

// Instants are ISO 8601 UTC strings in events.
export interface MeetingDetails {
  title: string;
  kind: MeetingKind;
  startsAt: string;
  endsAt: string;
  place: string | null;
  online: string | null;
  agenda: AgendaItem[];
  // A results session: the period and indicators whose values it discussed.
  periodId: string | null;
  indicatorIds: string[];
}

export interface Invitations {
  invitedOrganisationIds: string[];
  invitedUserIds: string[];
}

// No personal data: people appear by user id only; minutes and decisions are the city's record of the
// meeting, not one person's words.
export type MeetingEvent =
  | { type: 'MeetingScheduled'; data: { meetingId: string } & MeetingDetails & Invitations }
  // Only the changed fields among title, place, online, agenda.
  | {
      type: 'MeetingRevised';
      data: { meetingId: string } & Partial<Pick<MeetingDetails, 'title' | 'place' | 'online' | 'agenda'>>;
    }
  | { type: 'MeetingRescheduled'; data: { meetingId: string; startsAt: string; endsAt: string } }
  // The whole lists as they now stand.
  | { type: 'MeetingInvitationsChanged'; data: { meetingId: string } & Invitations }
  | { type: 'MeetingCancelled'; data: { meetingId: string; reason: string | null } }
  // The whole attendance as it now stands (latest wins).
  | { type: 'MeetingAttendanceRecorded'; data: { meetingId: string; attendees: Attendee[] } }
  | {
      type: 'MeetingMinutesRecorded';
      data: { meetingId: string; revision: number; text: string; visibility: MinutesVisibility };
    }
  | {
      type: 'MeetingDecisionRecorded';
      data: { meetingId: string; decisionId: string; text: string; links: MeetingLink[]; taskIds: string[] };
    };

export type MeetingEventType = MeetingEvent['type'];

export const MEETING_EVENT_TYPES: readonly MeetingEventType[] = [
  'MeetingScheduled',
  'MeetingRevised',
  'MeetingRescheduled',
  'MeetingInvitationsChanged',
  'MeetingCancelled',
  'MeetingAttendanceRecorded',
  'MeetingMinutesRecorded',
  'MeetingDecisionRecorded',
];

export const meetingStream = (meetingId: string) => `meeting-${meetingId}`;
export const meetingIdOfStream = (streamId: string) => streamId.replace(/^meeting-/, '');
