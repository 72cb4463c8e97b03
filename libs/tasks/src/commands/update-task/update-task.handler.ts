import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { WriteResultView } from '@rl/web';
import { taskDecider } from '../../domain/task.decider';
import { taskStream } from '../../domain/task.events';
import { TaskReferences } from '../../persistence/task-references.repository';
import { parseDue } from '../parse-due';
import { UpdateTaskCommand } from './update-task.command';

@CommandHandler(UpdateTaskCommand)
export class UpdateTaskHandler implements ICommandHandler<UpdateTaskCommand, WriteResultView> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly references: TaskReferences,
  ) {}

  async execute(command: UpdateTaskCommand): Promise<WriteResultView> {
    const { cityId, timezone, taskId, expectedVersion, changes, metadata } = command;
    const due = changes.due === undefined ? undefined : parseDue(changes.due, timezone);
    await this.references.assertKnown(cityId, changes);
    const actor = {
      userId: metadata.actorId,
      role: metadata.actorRole,
      organisationId: metadata.organisationId,
    };
    const { version, position } = await this.aggregates.handle(
      cityId,
      taskDecider,
      taskStream(taskId),
      { type: 'UpdateTask', ...changes, due, timezone, actor },
      { expected: expectedVersion, metadata },
    );
    return { version, position };
  }
}
