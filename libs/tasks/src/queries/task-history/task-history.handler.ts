import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TaskErrors } from '../../domain/task.errors';
import { TasksReadModel } from '../../persistence/tasks.repository';
import { TaskChangeView } from '../../task.view';
import { TaskHistoryQuery } from './task-history.query';

// Every event of the task, from its log: who, when and what. A task's stream holds at most a few
// hundred changes in practice; each change is bounded by the task's limits.
@QueryHandler(TaskHistoryQuery)
export class TaskHistoryHandler implements IQueryHandler<TaskHistoryQuery, TaskChangeView[]> {
  constructor(private readonly tasks: TasksReadModel) {}

  async execute({ cityId, taskId }: TaskHistoryQuery): Promise<TaskChangeView[]> {
    const events = await this.tasks.stream(cityId, taskId);
    if (events.length === 0) throw TaskErrors.NOT_FOUND();
    return events.map((event) => ({
      version: event.version,
      type: event.type,
      recordedAt: event.recordedAt.toISOString(),
      actor: { id: event.metadata.actorId ?? null, role: event.metadata.actorRole ?? null },
      data: { ...event.data },
    }));
  }
}
