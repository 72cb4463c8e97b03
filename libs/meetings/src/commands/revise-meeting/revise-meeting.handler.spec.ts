import { InMemoryAggregates } from '@rl/event-store/testing';
import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { MEETING_ID, meetingScheduled, ORGANISATION_ID } from '../../domain/testing/meeting-factories';
import { InMemoryMeetingReferences } from '../../testing/in-memory-meetings';
import { ReviseMeetingCommand } from './revise-meeting.command';
import { ReviseMeetingDto } from './revise-meeting.dto';
import { ReviseMeetingHandler } from './revise-meeting.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const stream = `meeting-${MEETING_ID}`;

const setUp = () => {
  const aggregates = new InMemoryAggregates().given(ghent, stream, [meetingScheduled]);
  const references = new InMemoryMeetingReferences().given(ghent, 'organisation', ORGANISATION_ID);
  return { aggregates, handler: new ReviseMeetingHandler(aggregates, references) };
};
const revise = (expected: number, changes: ReviseMeetingDto) =>
  new ReviseMeetingCommand(ghent, MEETING_ID, expected, changes, commandMetadata());

describe('ReviseMeetingHandler', () => {
  it('moves the meeting at the version the client saw', async () => {
    const { aggregates, handler } = setUp();
    const result = await handler.execute(
      revise(1, { startsAt: '2026-03-02T09:00:00Z', endsAt: '2026-03-02T11:00:00Z' }),
    );
    expect(result).toEqual({ version: 2, position: 2 });
    expect(aggregates.eventsOf(ghent, stream)[1]).toMatchObject({ type: 'MeetingRescheduled' });
  });

  it('refuses a stale If-Match with the current version', async () => {
    const { handler } = setUp();
    await expect(handler.execute(revise(2, { title: 'X' }))).rejects.toMatchObject({
      code: 'MEETING.VERSION_CONFLICT',
      details: { currentVersion: 1 },
    });
  });

  it('cancels with the reason given', async () => {
    const { aggregates, handler } = setUp();
    await handler.execute(revise(1, { status: 'cancelled', reason: 'No quorum' }));
    expect(aggregates.eventsOf(ghent, stream)[1]).toEqual({
      type: 'MeetingCancelled',
      data: { meetingId: MEETING_ID, reason: 'No quorum' },
    });
  });

  it('removes the place but refuses to remove the title', async () => {
    const { aggregates, handler } = setUp();
    await expect(handler.execute(revise(1, { title: null as unknown as string }))).rejects.toMatchObject({
      code: 'MEETING.NOT_REMOVABLE',
      errors: [{ field: 'title', message: 'cannot be null' }],
    });
    await handler.execute(revise(1, { place: 'Stadhuis' }));
    await handler.execute(revise(2, { place: null }));
    expect(aggregates.eventsOf(ghent, stream)[2]).toEqual({
      type: 'MeetingRevised',
      data: { meetingId: MEETING_ID, place: null },
    });
  });

  it('refuses a reason without the cancellation it explains', async () => {
    const { handler } = setUp();
    await expect(handler.execute(revise(1, { title: 'X', reason: 'Why' }))).rejects.toMatchObject({
      code: 'MEETING.CANCEL_ALONE',
      errors: [{ field: 'reason', message: 'goes with status cancelled' }],
    });
  });

  it("refuses to invite an organisation that is not the city's", async () => {
    const { handler } = setUp();
    await expect(
      handler.execute(revise(1, { invitedOrganisationIds: ['0192f0aa-0000-7000-8000-0000000000ff'] })),
    ).rejects.toMatchObject({
      code: 'MEETING.UNKNOWN_REFERENCE',
      errors: [{ field: 'invitedOrganisationIds[0]', message: 'is not an organisation of this city' }],
    });
  });
});
