import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { Aggregates } from '@rl/event-store';
import { taskDecider } from '../../domain/task.decider';
import { taskStream } from '../../domain/task.events';
import { TaskReferences } from '../../persistence/task-references.repository';
import { CreatedTaskView } from '../../task.view';
import { parseDue } from '../parse-due';
import { CreateTaskCommand } from './create-task.command';

@CommandHandler(CreateTaskCommand)
export class CreateTaskHandler implements ICommandHandler<CreateTaskCommand, CreatedTaskView> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly references: TaskReferences,
  ) {}

  async execute({ cityId, timezone, input, metadata }: CreateTaskCommand): Promise<CreatedTaskView> {
    const due = parseDue(input.due, timezone);
    await this.references.assertKnown(cityId, input);
    const taskId = uuidv7();
    const result = await this.aggregates.handle(
      cityId,
      taskDecider,
      taskStream(taskId),
      { type: 'CreateTask', taskId, ...input, due, timezone },
      { expected: 0, metadata },
    );
    // A retry with the same Idempotency-Key gets the first result, whose stream names the first id.
    return { id: result.streamId.replace(/^task-/, ''), version: result.version, position: result.position };
  }
}
