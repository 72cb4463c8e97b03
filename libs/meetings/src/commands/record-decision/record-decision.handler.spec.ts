import { InMemoryAggregates } from '@rl/event-store/testing';
import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { MeetingEvent } from '../../domain/meeting.events';
import {
  INDICATOR_ID,
  MEETING_ID,
  meetingScheduled,
  ORGANISATION_ID,
} from '../../domain/testing/meeting-factories';
import { InMemoryDecisionTasks, InMemoryMeetingReferences } from '../../testing/in-memory-meetings';
import { RecordDecisionCommand } from './record-decision.command';
import { RecordDecisionDto } from './record-decision.dto';
import { RecordDecisionHandler } from './record-decision.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const stream = `meeting-${MEETING_ID}`;
const TASK_ID = '0192f0aa-0000-7000-8000-0000000000d1';
const cancelled: MeetingEvent = { type: 'MeetingCancelled', data: { meetingId: MEETING_ID, reason: null } };

const setUp = (history: MeetingEvent[] = [meetingScheduled]) => {
  const aggregates = new InMemoryAggregates().given(ghent, stream, history);
  const tasks = new InMemoryDecisionTasks();
  const references = new InMemoryMeetingReferences()
    .given(ghent, 'indicator', INDICATOR_ID)
    .given(ghent, 'task', TASK_ID)
    .given(ghent, 'organisation', ORGANISATION_ID);
  return { aggregates, tasks, handler: new RecordDecisionHandler(aggregates, references, tasks) };
};
const decide = (input: RecordDecisionDto, idempotencyKey?: string) =>
  new RecordDecisionCommand(ghent, MEETING_ID, input, commandMetadata({ idempotencyKey }));
const withTasks: RecordDecisionDto = {
  text: 'Collect the 2025 values again',
  links: [{ kind: 'indicator', id: INDICATOR_ID }],
  tasks: [{ title: 'Re-collect', assigneeOrganisationId: ORGANISATION_ID, due: '2026-04-01T00:00:00Z' }],
};

describe('RecordDecisionHandler', () => {
  it('records the decision with its links and existing tasks, and returns its id', async () => {
    const { aggregates, handler } = setUp();
    const view = await handler.execute(
      decide({
        text: 'Adopt',
        links: [
          { kind: 'indicator', id: INDICATOR_ID },
          { kind: 'task', id: TASK_ID },
        ],
      }),
    );
    expect(view).toEqual({ id: expect.any(String), taskIds: [], version: 2, position: 2 });
    expect(aggregates.eventsOf(ghent, stream)[1]).toEqual({
      type: 'MeetingDecisionRecorded',
      data: {
        meetingId: MEETING_ID,
        decisionId: view.id,
        text: 'Adopt',
        links: [
          { kind: 'indicator', id: INDICATOR_ID },
          { kind: 'task', id: TASK_ID },
        ],
        taskIds: [],
      },
    });
  });

  it('creates the tasks it asks for, linked to the decision, once even when the request is retried', async () => {
    const { aggregates, tasks, handler } = setUp();
    const first = await handler.execute(decide(withTasks, 'k1'));
    expect(first.taskIds).toHaveLength(1);
    expect(tasks.created.get(first.taskIds[0])).toMatchObject({
      decisionId: first.id,
      spec: { title: 'Re-collect' },
    });
    expect(await handler.execute(decide(withTasks, 'k1'))).toEqual(first);
    expect(tasks.created.size).toBe(1);
    expect(aggregates.eventsOf(ghent, stream)).toHaveLength(2);
  });

  it('creates no task for a refused decision', async () => {
    const { tasks, handler } = setUp([meetingScheduled, cancelled]);
    await expect(handler.execute(decide(withTasks))).rejects.toMatchObject({ code: 'MEETING.CANCELLED' });
    expect(tasks.created.size).toBe(0);
  });

  it('refuses a link to an object of another city and an unknown assignee, naming the fields', async () => {
    const { handler } = setUp();
    const other = '0192f0aa-0000-7000-8000-0000000000ff';
    await expect(
      handler.execute(
        decide({
          text: 'X',
          links: [{ kind: 'submission', id: other }],
          tasks: [{ title: 'T', assigneeUserId: other, due: '2026-04-01T00:00:00Z' }],
        }),
      ),
    ).rejects.toMatchObject({
      code: 'MEETING.UNKNOWN_REFERENCE',
      errors: [
        { field: 'links[0].id', message: 'is not a submission of this city' },
        { field: 'tasks[0].assigneeUserId', message: 'is not a member of this city' },
      ],
    });
  });
});
