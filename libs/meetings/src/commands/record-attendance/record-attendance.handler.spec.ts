import { InMemoryAggregates } from '@rl/event-store/testing';
import { asCityId, fixedClock } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { MEETING_ID, meetingScheduled, ORGANISATION_ID } from '../../domain/testing/meeting-factories';
import { InMemoryMeetingReferences } from '../../testing/in-memory-meetings';
import { RecordAttendanceCommand } from './record-attendance.command';
import { RecordAttendanceHandler } from './record-attendance.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const stream = `meeting-${MEETING_ID}`;
const MEMBER_ID = '0192f0aa-0000-7000-8000-00000000a002';

const setUp = (now: string) => {
  const aggregates = new InMemoryAggregates().given(ghent, stream, [meetingScheduled]);
  const references = new InMemoryMeetingReferences()
    .given(ghent, 'organisation', ORGANISATION_ID)
    .given(ghent, 'member', MEMBER_ID);
  return {
    aggregates,
    handler: new RecordAttendanceHandler(aggregates, references, fixedClock(new Date(now))),
  };
};
const attend = (attendees: { userId?: string; organisationId?: string }[]) =>
  new RecordAttendanceCommand(ghent, MEETING_ID, { attendees }, commandMetadata());

describe('RecordAttendanceHandler', () => {
  it('records who attended once the meeting has started', async () => {
    const { aggregates, handler } = setUp('2026-03-01T09:30:00Z');
    await handler.execute(attend([{ userId: MEMBER_ID, organisationId: ORGANISATION_ID }]));
    expect(aggregates.eventsOf(ghent, stream)[1]).toEqual({
      type: 'MeetingAttendanceRecorded',
      data: { meetingId: MEETING_ID, attendees: [{ userId: MEMBER_ID, organisationId: ORGANISATION_ID }] },
    });
  });

  it('refuses attendance before the start, and a person who is no member of the city', async () => {
    await expect(
      setUp('2026-03-01T08:00:00Z').handler.execute(attend([{ userId: MEMBER_ID }])),
    ).rejects.toMatchObject({
      code: 'MEETING.NOT_STARTED',
    });
    await expect(
      setUp('2026-03-01T09:30:00Z').handler.execute(attend([{ userId: ORGANISATION_ID }])),
    ).rejects.toMatchObject({
      code: 'MEETING.UNKNOWN_REFERENCE',
      errors: [{ field: 'attendees[0].userId', message: 'is not a member of this city' }],
    });
  });
});
