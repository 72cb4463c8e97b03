import { InMemoryAggregates } from '@rl/event-store/testing';
import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import {
  INDICATOR_ID,
  meetingScheduled,
  ORGANISATION_ID,
  PERIOD_ID,
} from '../../domain/testing/meeting-factories';
import { InMemoryMeetingReferences } from '../../testing/in-memory-meetings';
import { ScheduleMeetingCommand } from './schedule-meeting.command';
import { ScheduleMeetingDto } from './schedule-meeting.dto';
import { ScheduleMeetingHandler } from './schedule-meeting.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const input: ScheduleMeetingDto = {
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
};

const setUp = () => {
  const aggregates = new InMemoryAggregates();
  const references = new InMemoryMeetingReferences()
    .given(ghent, 'indicator', INDICATOR_ID)
    .given(ghent, 'period', PERIOD_ID)
    .given(ghent, 'organisation', ORGANISATION_ID);
  return { aggregates, references, handler: new ScheduleMeetingHandler(aggregates, references) };
};

describe('ScheduleMeetingHandler', () => {
  it('records the meeting on a new stream named by the id it returns', async () => {
    const { aggregates, handler } = setUp();
    const view = await handler.execute(new ScheduleMeetingCommand(ghent, input, commandMetadata()));
    expect(view.version).toBe(1);
    expect(aggregates.eventsOf(ghent, `meeting-${view.id}`)).toEqual([
      { type: 'MeetingScheduled', data: { ...meetingScheduled.data, meetingId: view.id } },
    ]);
  });

  it("refuses ids that are not the city's, naming each field", async () => {
    const { handler } = setUp();
    const other = '0192f0aa-0000-7000-8000-0000000000ff';
    const command = new ScheduleMeetingCommand(
      ghent,
      { ...input, agenda: [{ title: 'A', links: [{ kind: 'term', id: other }] }], invitedUserIds: [other] },
      commandMetadata(),
    );
    await expect(handler.execute(command)).rejects.toMatchObject({
      code: 'MEETING.UNKNOWN_REFERENCE',
      errors: [
        { field: 'agenda[0].links[0].id', message: 'is not a term of this city' },
        { field: 'invitedUserIds[0]', message: 'is not a member of this city' },
      ],
    });
  });

  it('answers a retry under the same idempotency key with the first meeting', async () => {
    const { handler } = setUp();
    const command = new ScheduleMeetingCommand(ghent, input, commandMetadata({ idempotencyKey: 'k1' }));
    const first = await handler.execute(command);
    expect(await handler.execute(command)).toEqual(first);
  });
});
