import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import { Aggregates } from '@rl/event-store';
import { meetingDecider } from '../../domain/meeting.decider';
import { meetingStream } from '../../domain/meeting.events';
import { CreatedDecisionView } from '../../meeting.view';
import { DecisionTasks } from '../../persistence/decision-tasks';
import { MeetingReferences, Reference } from '../../persistence/meeting-references';
import { linkReferences } from '../meeting-references';
import { RecordDecisionCommand } from './record-decision.command';

// Decision ids of retried requests: the same request (Idempotency-Key, already scoped to the actor and
// route) on the same meeting names the same decision, so its tasks are not created twice.
const DECISION_NAMESPACE = '5d0c1c36-64c1-4c0e-9a4e-6a2f7f0e3b10';

@CommandHandler(RecordDecisionCommand)
export class RecordDecisionHandler implements ICommandHandler<RecordDecisionCommand, CreatedDecisionView> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly references: MeetingReferences,
    private readonly tasks: DecisionTasks,
  ) {}

  async execute({ cityId, meetingId, input, metadata }: RecordDecisionCommand): Promise<CreatedDecisionView> {
    const stream = meetingStream(meetingId);
    const decisionId = metadata.idempotencyKey
      ? uuidv5(`${meetingId}/${metadata.idempotencyKey}`, DECISION_NAMESPACE)
      : uuidv7();
    const assignees = (input.tasks ?? []).flatMap((task, i): Reference[] => [
      ...(task.assigneeOrganisationId
        ? [
            {
              field: `tasks[${i}].assigneeOrganisationId`,
              kind: 'organisation' as const,
              id: task.assigneeOrganisationId,
            },
          ]
        : []),
      ...(task.assigneeUserId
        ? [{ field: `tasks[${i}].assigneeUserId`, kind: 'member' as const, id: task.assigneeUserId }]
        : []),
    ]);
    await this.references.assertKnown(cityId, [...linkReferences('links', input.links), ...assignees]);
    const decide = { type: 'RecordDecision' as const, decisionId, text: input.text, links: input.links };
    let taskIds: string[] = [];
    if (input.tasks?.length) {
      // A refused decision creates no tasks: decide once on the current state before creating them
      // (unless this is a retry of a decision already recorded, whose tasks the port returns again).
      const { state } = await this.aggregates.load(cityId, meetingDecider, stream);
      if (!state.exists || !state.decisionIds.includes(decisionId))
        meetingDecider.decide({ ...decide, taskIds }, state);
      taskIds = await this.tasks.create(cityId, decisionId, input.tasks, metadata);
    }
    const result = await this.aggregates.handle(
      cityId,
      meetingDecider,
      stream,
      { ...decide, taskIds },
      { metadata },
    );
    return { id: decisionId, taskIds, version: result.version, position: result.position };
  }
}
