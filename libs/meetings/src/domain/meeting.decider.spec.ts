import { DeciderSpecification } from '@rl/kernel/testing';
import { meetingDecider } from './meeting.decider';
import { MeetingEvent } from './meeting.events';
import { aSchedule, MEETING_ID, meetingScheduled, ORGANISATION_ID } from './testing/meeting-factories';

const spec = DeciderSpecification.for(meetingDecider);
const cancelled: MeetingEvent = { type: 'MeetingCancelled', data: { meetingId: MEETING_ID, reason: null } };

describe('meeting decider', () => {
  describe('scheduling and its agenda', () => {
    it('schedules with instants in UTC, titles folded and every agenda item with its links', () => {
      spec
        .given([])
        .when(aSchedule({ title: '  Results   2025 ' }))
        .then([meetingScheduled]);
    });

    it('accepts an agenda that fills the meeting exactly, and items without a duration', () => {
      const agenda = [{ title: 'All of it', durationMinutes: 120 }, { title: 'Any other business' }];
      spec
        .given([])
        .when(aSchedule({ agenda }))
        .then([
          {
            ...meetingScheduled,
            data: {
              ...meetingScheduled.data,
              agenda: [
                { title: 'All of it', durationMinutes: 120, links: [] },
                { title: 'Any other business', durationMinutes: null, links: [] },
              ],
            },
          },
        ]);
    });

    it('refuses an agenda one minute longer than the meeting, naming agenda', () => {
      const agenda = [
        { title: 'A', durationMinutes: 100 },
        { title: 'B', durationMinutes: 21 },
      ];
      spec
        .given([])
        .when(aSchedule({ agenda }))
        .thenThrows('MEETING.AGENDA_TOO_LONG', (error) => {
          expect(error.errors).toEqual([
            { field: 'agenda', message: expect.stringContaining('121 minutes') },
          ]);
          expect(error.details).toEqual({ agendaMinutes: 121, meetingMinutes: 120 });
        });
    });

    it('refuses a meeting that ends when or before it starts, or lasts more than a week', () => {
      spec
        .given([])
        .when(aSchedule({ endsAt: '2026-03-01T09:00:00Z', agenda: [] }))
        .thenThrows('MEETING.INVALID_TIME', (e) => expect(e.errors[0].field).toBe('endsAt'));
      spec
        .given([])
        .when(aSchedule({ endsAt: '2026-03-09T09:00:00Z' }))
        .thenThrows('MEETING.INVALID_TIME');
    });

    it('refuses an item duration that is not a whole number of minutes, naming the item', () => {
      spec
        .given([])
        .when(aSchedule({ agenda: [{ title: 'A', durationMinutes: 1.5 }] }))
        .thenThrows('MEETING.TOO_LARGE', (e) => expect(e.errors[0].field).toBe('agenda[0].durationMinutes'));
    });

    it('refuses a blank item title and too many items', () => {
      spec
        .given([])
        .when(aSchedule({ agenda: [{ title: '  ' }] }))
        .thenThrows('MEETING.TOO_LARGE', (e) => expect(e.errors[0].field).toBe('agenda[0].title'));
      const many = Array.from({ length: 51 }, () => ({ title: 'x' }));
      spec
        .given([])
        .when(aSchedule({ agenda: many }))
        .thenThrows('MEETING.TOO_LARGE');
    });

    it('takes only an http(s) online link', () => {
      spec
        .given([])
        .when(aSchedule({ online: 'javascript:alert(1)' }))
        .thenThrows('MEETING.INVALID_URL', (e) => expect(e.errors[0].field).toBe('online'));
    });

    it('links a period and indicators only from a results session', () => {
      spec
        .given([])
        .when(aSchedule({ kind: 'operational' }))
        .thenThrows('MEETING.RESULTS_ONLY', (e) => expect(e.errors[0].field).toBe('periodId'));
    });

    it('refuses to schedule the same meeting twice', () => {
      spec.given([meetingScheduled]).when(aSchedule()).thenThrows('MEETING.ALREADY_EXISTS');
    });
  });

  describe('revising, rescheduling and cancelling', () => {
    it('reschedules and retitles, one event for the content and one for the time', () => {
      spec
        .given([meetingScheduled])
        .when({
          type: 'ReviseMeeting',
          title: 'Results',
          startsAt: '2026-03-02T09:00:00Z',
          endsAt: '2026-03-02T11:00:00Z',
        })
        .then([
          { type: 'MeetingRevised', data: { meetingId: MEETING_ID, title: 'Results' } },
          {
            type: 'MeetingRescheduled',
            data: {
              meetingId: MEETING_ID,
              startsAt: '2026-03-02T09:00:00.000Z',
              endsAt: '2026-03-02T11:00:00.000Z',
            },
          },
        ]);
    });

    it('refuses to shorten the meeting below its agenda', () => {
      spec
        .given([meetingScheduled])
        .when({ type: 'ReviseMeeting', endsAt: '2026-03-01T10:00:00Z' })
        .thenThrows('MEETING.AGENDA_TOO_LONG');
    });

    it('records the invitation lists only when they change', () => {
      spec
        .given([meetingScheduled])
        .when({ type: 'ReviseMeeting', invitedOrganisationIds: [ORGANISATION_ID.toUpperCase()] })
        .thenNothingHappens();
      spec
        .given([meetingScheduled])
        .when({ type: 'ReviseMeeting', invitedUserIds: [MEETING_ID] })
        .then([
          {
            type: 'MeetingInvitationsChanged',
            data: {
              meetingId: MEETING_ID,
              invitedOrganisationIds: [ORGANISATION_ID],
              invitedUserIds: [MEETING_ID],
            },
          },
        ]);
    });

    it('cancels with a reason; a cancelled meeting takes no more changes', () => {
      spec
        .given([meetingScheduled])
        .when({ type: 'ReviseMeeting', cancel: { reason: ' Room unavailable ' } })
        .then([{ type: 'MeetingCancelled', data: { meetingId: MEETING_ID, reason: 'Room unavailable' } }]);
      spec
        .given([meetingScheduled, cancelled])
        .when({ type: 'ReviseMeeting', title: 'X' })
        .thenThrows('MEETING.CANCELLED');
      spec
        .given([meetingScheduled])
        .when({ type: 'ReviseMeeting', title: 'X', cancel: {} })
        .thenThrows('MEETING.CANCEL_ALONE', (e) => expect(e.errors[0].field).toBe('title'));
    });

    it('refuses an empty change before looking for the meeting, and an unknown meeting', () => {
      spec.given([]).when({ type: 'ReviseMeeting' }).thenThrows('MEETING.NOTHING_TO_CHANGE');
      spec.given([]).when({ type: 'ReviseMeeting', title: 'X' }).thenThrows('MEETING.NOT_FOUND');
    });
  });

  describe('attendance, minutes and decisions', () => {
    const during = new Date('2026-03-01T10:00:00Z');

    it('records attendance once the meeting started, each attendee once', () => {
      const attendees = [
        { organisationId: ORGANISATION_ID },
        { organisationId: ORGANISATION_ID.toUpperCase() },
        { userId: MEETING_ID, organisationId: ORGANISATION_ID },
      ];
      spec
        .given([meetingScheduled])
        .when({ type: 'RecordAttendance', now: during, attendees })
        .then([
          {
            type: 'MeetingAttendanceRecorded',
            data: {
              meetingId: MEETING_ID,
              attendees: [
                { userId: null, organisationId: ORGANISATION_ID },
                { userId: MEETING_ID, organisationId: ORGANISATION_ID },
              ],
            },
          },
        ]);
      spec
        .given([meetingScheduled])
        .when({ type: 'RecordAttendance', now: new Date('2026-02-01T00:00:00Z'), attendees })
        .thenThrows('MEETING.NOT_STARTED');
      spec
        .given([meetingScheduled])
        .when({ type: 'RecordAttendance', now: during, attendees: [{}] })
        .thenThrows('MEETING.ATTENDEE_EMPTY', (e) => expect(e.errors[0].field).toBe('attendees[0]'));
    });

    it('numbers minutes revisions: the latest wins, the earlier stay in the log', () => {
      const first: MeetingEvent = {
        type: 'MeetingMinutesRecorded',
        data: { meetingId: MEETING_ID, revision: 1, text: 'Draft', visibility: 'internal' },
      };
      spec
        .given([meetingScheduled, first])
        .when({ type: 'RecordMinutes', text: 'Final\r\n', visibility: 'public' })
        .then([
          {
            type: 'MeetingMinutesRecorded',
            data: { meetingId: MEETING_ID, revision: 2, text: 'Final', visibility: 'public' },
          },
        ]);
    });

    it('records a decision with its links, each once, and refuses the same decision twice', () => {
      const link = { kind: 'term' as const, id: ORGANISATION_ID };
      const recorded: MeetingEvent = {
        type: 'MeetingDecisionRecorded',
        data: { meetingId: MEETING_ID, decisionId: 'd1', text: 'Adopt', links: [link], taskIds: [] },
      };
      const decide = {
        type: 'RecordDecision' as const,
        decisionId: 'd1',
        text: ' Adopt ',
        links: [link, link],
        taskIds: [],
      };
      spec.given([meetingScheduled]).when(decide).then([recorded]);
      spec.given([meetingScheduled, recorded]).when(decide).thenThrows('MEETING.ALREADY_EXISTS');
      spec.given([meetingScheduled, cancelled]).when(decide).thenThrows('MEETING.CANCELLED');
    });
  });
});
