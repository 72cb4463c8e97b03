import { recorded, rowAfter } from '@rl/projections/testing';
import { MeetingEvent } from '../domain/meeting.events';
import { MEETING_ID, meetingScheduled, ORGANISATION_ID } from '../domain/testing/meeting-factories';
import { evolveMeetingRow, MeetingsProjection } from './meetings.projection';

const OTHER_ORG = '0192f0aa-0000-7000-8000-0000000000f2';
const USER_ID = '0192f0aa-0000-7000-8000-00000000a002';
const scheduled = recorded<MeetingEvent>(meetingScheduled);
const at = (version: number, event: MeetingEvent) => recorded<MeetingEvent>(event, { version });
const attended = at(2, {
  type: 'MeetingAttendanceRecorded',
  data: { meetingId: MEETING_ID, attendees: [{ userId: USER_ID, organisationId: OTHER_ORG }] },
});
const minutes = (version: number, revision: number, text: string) =>
  at(version, {
    type: 'MeetingMinutesRecorded',
    data: { meetingId: MEETING_ID, revision, text, visibility: 'public' },
  });

describe('meetings projection', () => {
  it('creates the row on scheduling, concerning its invited organisations', () => {
    expect(evolveMeetingRow(undefined, scheduled)).toEqual(
      expect.objectContaining({
        id: MEETING_ID,
        status: 'scheduled',
        startsAt: new Date('2026-03-01T09:00:00Z'),
        organisationIds: [ORGANISATION_ID],
        attendees: [],
        minutes: [],
        decisions: [],
        version: 1,
      }),
    );
  });

  it('adds attending organisations to those it concerns and keeps every minutes revision', () => {
    const row = rowAfter(new MeetingsProjection(), [
      scheduled,
      attended,
      minutes(3, 1, 'Draft'),
      minutes(4, 2, 'Final'),
    ]);
    expect(row).toEqual(
      expect.objectContaining({
        organisationIds: [ORGANISATION_ID, OTHER_ORG],
        minutes: [
          expect.objectContaining({ revision: 1, text: 'Draft' }),
          expect.objectContaining({ revision: 2, text: 'Final' }),
        ],
        version: 4,
      }),
    );
  });

  it('moves, cancels and records decisions', () => {
    const row = rowAfter(new MeetingsProjection(), [
      scheduled,
      at(2, {
        type: 'MeetingRescheduled',
        data: {
          meetingId: MEETING_ID,
          startsAt: '2026-03-02T09:00:00.000Z',
          endsAt: '2026-03-02T11:00:00.000Z',
        },
      }),
      at(3, {
        type: 'MeetingDecisionRecorded',
        data: { meetingId: MEETING_ID, decisionId: 'd1', text: 'Adopt', links: [], taskIds: [] },
      }),
      at(4, { type: 'MeetingCancelled', data: { meetingId: MEETING_ID, reason: 'No quorum' } }),
    ]);
    expect(row).toEqual(
      expect.objectContaining({
        startsAt: new Date('2026-03-02T09:00:00Z'),
        status: 'cancelled',
        cancelReason: 'No quorum',
        decisions: [expect.objectContaining({ id: 'd1', text: 'Adopt' })],
      }),
    );
  });

  it('skips an event the row already reflects, and ignores a meeting it never saw scheduled', () => {
    const row = rowAfter(new MeetingsProjection(), [scheduled, attended]);
    expect(rowAfter(new MeetingsProjection(), [attended], row)).toBe(row);
    expect(evolveMeetingRow(undefined, attended)).toBeUndefined();
  });
});
