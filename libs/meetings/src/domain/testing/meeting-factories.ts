import { ScheduleMeeting } from '../meeting.decider';
import { MeetingEvent } from '../meeting.events';

export const MEETING_ID = '0192f0aa-0000-7000-8000-0000000000e1';
export const INDICATOR_ID = '0192f0aa-0000-7000-8000-0000000000a1';
export const PERIOD_ID = '0192f0aa-0000-7000-8000-0000000000b1';
export const ORGANISATION_ID = '0192f0aa-0000-7000-8000-0000000000f1';

// A two-hour results session on 1 March 2026 with a 90-minute agenda.
export const aSchedule = (fields: Partial<ScheduleMeeting> = {}): ScheduleMeeting => ({
  type: 'ScheduleMeeting',
  meetingId: MEETING_ID,
  title: 'Results 2025',
  kind: 'results',
  startsAt: '2026-03-01T09:00:00Z',
  endsAt: '2026-03-01T11:00:00Z',
  agenda: [
    { title: 'Housing values', durationMinutes: 60, links: [{ kind: 'indicator', id: INDICATOR_ID }] },
    { title: 'Next steps', durationMinutes: 30 },
  ],
  periodId: PERIOD_ID,
  indicatorIds: [INDICATOR_ID],
  invitedOrganisationIds: [ORGANISATION_ID],
  ...fields,
});

export const meetingScheduled: Extract<MeetingEvent, { type: 'MeetingScheduled' }> = {
  type: 'MeetingScheduled',
  data: {
    meetingId: MEETING_ID,
    title: 'Results 2025',
    kind: 'results',
    startsAt: '2026-03-01T09:00:00.000Z',
    endsAt: '2026-03-01T11:00:00.000Z',
    place: null,
    online: null,
    agenda: [
      { title: 'Housing values', durationMinutes: 60, links: [{ kind: 'indicator', id: INDICATOR_ID }] },
      { title: 'Next steps', durationMinutes: 30, links: [] },
    ],
    periodId: PERIOD_ID,
    indicatorIds: [INDICATOR_ID],
    invitedOrganisationIds: [ORGANISATION_ID],
    invitedUserIds: [],
  },
};
